using System.Text.Json;
using Catalogue.Core.Artifacts;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>
/// The sample dataset the app loads on first start (samples/ is copied beside the app), read straight from
/// its file so tests compare what the app shows with what the samples say, not with the app's own queries.
/// </summary>
public static class SampleCatalogue
{
    public sealed record SampleArtifact(string AccessionNumber, PublicationStatus Status, string? TitleEn, string? TitleFr, string? TitleVi)
    {
        public IEnumerable<string> Titles => new[] { TitleEn, TitleFr, TitleVi }.Where(t => !string.IsNullOrWhiteSpace(t))!;
    }

    private static readonly Lazy<IReadOnlyList<SampleArtifact>> Loaded = new(Load);

    public static IReadOnlyList<SampleArtifact> Artifacts => Loaded.Value;

    public static IEnumerable<SampleArtifact> WithStatus(PublicationStatus status) => Artifacts.Where(a => a.Status == status);

    public static SampleArtifact First(PublicationStatus status) =>
        WithStatus(status).FirstOrDefault()
        ?? throw new AssertionException($"The sample dataset has no {status} artifact; these tests need at least one.");

    private static List<SampleArtifact> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "artifacts.json");
        if (!File.Exists(path))
            throw new AssertionException($"The sample dataset is missing: {path}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.EnumerateArray().Select(a => new SampleArtifact(
            a.GetProperty("accessionNumber").GetString()!,
            // The loader's rule: a missing or unknown status is a draft.
            a.TryGetProperty("status", out var s) && Enum.TryParse<PublicationStatus>(s.GetString(), ignoreCase: true, out var status) ? status : PublicationStatus.Draft,
            Title(a, "en"), Title(a, "fr"), Title(a, "vi"))).ToList();
    }

    private static string? Title(JsonElement artifact, string language) =>
        artifact.TryGetProperty("title", out var title) && title.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;
}
