using Catalogue.Core.Common;

namespace Catalogue.Core.Vocabularies;

/// <summary>A term as shown on a record: its code, labels and AAT id.</summary>
public sealed record TermRef(int Id, string Code, LocalizedText Label, string? AatId)
{
    public static TermRef From(VocabularyTerm term) => new(term.Id, term.Code, term.Label, term.AatId);
}
