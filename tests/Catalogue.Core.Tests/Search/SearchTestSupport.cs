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

    public static async Task<int> OutboxCountAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        return scope.Db.SearchOutbox.Count();
    }
}
