using Catalogue.Core.Common;
using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Core.Tests.Search;

/// <summary>Indexing and searching a test catalogue the way the app does: through the outbox and <see cref="CatalogueSearch"/>.</summary>
internal static class SearchTestSupport
{
    /// <summary>Applies every pending outbox row to the index (what the background service does after each save).</summary>
    public static Task<int> IndexPendingChangesAsync(this TestCatalogue catalogue) =>
        catalogue.Services.GetRequiredService<SearchIndexer>().DrainAsync();

    public static SearchResults Search(this TestCatalogue catalogue, SearchRequest request) =>
        catalogue.Services.GetRequiredService<CatalogueSearch>().Search(request);

    /// <summary>A staff search for artifacts only.</summary>
    public static SearchResults SearchArtifacts(this TestCatalogue catalogue, string text, int pageSize = 50) =>
        catalogue.Search(new SearchRequest { Text = text, PublicOnly = false, Types = [SearchDocumentType.Artifact], PageSize = pageSize });

    public static List<string> Numbers(this SearchResults results) => results.Hits.Select(h => h.Number).ToList();

    /// <summary>
    /// Asserts that <paramref name="actual"/> found what <paramref name="expected"/> found: something, the same total,
    /// the same hits in the same order with the same snippets and scores, the same facet counts.
    /// </summary>
    public static void AssertSameAs(this SearchResults actual, SearchResults expected, string what)
    {
        Assert.That(expected.Total, Is.GreaterThan(0), what);
        Assert.That(actual.Total, Is.EqualTo(expected.Total), what);
        Assert.That(actual.Hits.Select(h => (h.Type, h.Id, h.Score)), Is.EqualTo(expected.Hits.Select(h => (h.Type, h.Id, h.Score))), what);
        Assert.That(actual.Hits.Select(h => h.Snippet), Is.EqualTo(expected.Hits.Select(h => h.Snippet)), what);
        Assert.That(actual.Facets.Keys, Is.EquivalentTo(expected.Facets.Keys), what);
        foreach (var (facet, values) in expected.Facets)
            Assert.That(actual.Facets[facet], Is.EqualTo(values), $"{what}: {facet}");
    }

    public static async Task<int> OutboxCountAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        return scope.Db.SearchOutbox.Count();
    }
}

/// <summary>
/// Records written straight to an index for tests of its search shortcuts: the same few decorations and words in three
/// languages, with diacritics and without, repeated a varying number of times, and facets that cycle.
/// </summary>
internal static class SearchTestRecords
{
    private static readonly string[] Decorations = ["rồng", "phượng", "hoa sen", "mây", "dragon", "phénix", "lotus", "nuage"];
    private static readonly string[] Words = ["ma", "má", "mã", "mạ", "Thăng Long", "Hanoï", "Hanoi", "céladon", "celadon", "glaze"];

    public static string Decoration(int i) => Decorations[i % Decorations.Length];

    public static string Word(int i) => Words[(i / 3) % Words.Length];

    public static SearchRecord Record(int i)
    {
        var decoration = Decoration(i);
        var word = Word(i);
        return new SearchRecord
        {
            Type = i % 10 == 0 ? SearchDocumentType.Find : SearchDocumentType.Artifact,
            Id = i,
            Number = $"TL.2024.{i:D4}",
            Title = LocalizedText.Of($"Bát {decoration} {word}", $"Bol à décor {decoration}", $"Bowl with {decoration}"),
            Description = LocalizedText.Of(string.Join(' ', Enumerable.Repeat($"{word} trang trí {decoration}", 1 + (i % 4))), null, $"A {decoration} bowl with a stacking scar, {word}."),
            Inscription = i % 7 == 0 ? "大越國軍城磚" : null,
            DatingText = $"c. {1000 + (i % 400)}",
            EarliestYear = 1000 + (i % 400),
            LatestYear = 1050 + (i % 400),
            StaffText = $"HT18-{i:D4}",
            ObjectType = i % 3 == 0 ? "bowl" : "dish",
            Materials = i % 2 == 0 ? ["stoneware", "glaze"] : ["porcelain"],
            Period = i % 5 == 0 ? "ly" : "tran",
            Site = "ht18",
            Condition = i % 4 == 0 ? "poor" : "good",
            Status = i % 3 == 0 ? "draft" : "published",
            HasImage = i % 2 == 1,
        };
    }
}
