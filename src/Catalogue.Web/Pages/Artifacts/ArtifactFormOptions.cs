using Catalogue.Core.Vocabularies;

namespace Catalogue.Web.Pages.Artifacts;

/// <summary>The term lists the artifact form offers.</summary>
public sealed record ArtifactFormOptions(
    IReadOnlyList<VocabularyTerm> ObjectTypes,
    IReadOnlyList<VocabularyTerm> Materials,
    IReadOnlyList<VocabularyTerm> Techniques,
    IReadOnlyList<VocabularyTerm> Periods)
{
    public static async Task<ArtifactFormOptions> LoadAsync(VocabularyQueries vocabularies, CancellationToken cancellationToken) => new(
        await vocabularies.ListAsync(Vocabulary.ObjectType, cancellationToken),
        await vocabularies.ListAsync(Vocabulary.Material, cancellationToken),
        await vocabularies.ListAsync(Vocabulary.Technique, cancellationToken),
        await vocabularies.ListAsync(Vocabulary.Period, cancellationToken));
}
