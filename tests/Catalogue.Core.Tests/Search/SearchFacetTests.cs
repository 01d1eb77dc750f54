using Catalogue.Core.Artifacts;
using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Core.Tests.Search;

/// <summary>Facet counts over the sample catalogue equal counts taken from the database.</summary>
public sealed class SearchFacetTests
{
    private TestCatalogue catalogue = null!;

    [OneTimeSetUp]
    public async Task IndexTheSampleCatalogue()
    {
        catalogue = await TestCatalogue.StartAsync(seedTerms: false, loadSampleData: true);
        await catalogue.Services.GetRequiredService<SearchIndexer>().RebuildAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await catalogue.DisposeAsync();

    private SearchResults AllArtifacts(bool publicOnly = false) =>
        catalogue.Search(new SearchRequest { PublicOnly = publicOnly, Types = [SearchDocumentType.Artifact], FacetSize = 1000, PageSize = 1 });

    [Test]
    public async Task Object_type_counts_equal_the_database()
    {
        await using var scope = catalogue.As("reader");
        var expected = await scope.Db.Artifacts.GroupBy(a => a.ObjectType!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.That(Counts(AllArtifacts(), SearchFields.ObjectType), Is.EquivalentTo(expected.ToDictionary(e => e.Key, e => e.Count)));
    }

    [Test]
    public async Task Material_counts_equal_the_database()
    {
        await using var scope = catalogue.As("reader");
        var expected = await scope.Db.Set<ArtifactTerm>().Where(t => t.Role == ArtifactTermRole.Material)
            .GroupBy(t => t.Term!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(Counts(AllArtifacts(), SearchFields.Material), Is.EquivalentTo(expected.ToDictionary(e => e.Key, e => e.Count)));
    }

    [Test]
    public async Task Period_and_status_counts_equal_the_database()
    {
        await using var scope = catalogue.As("reader");
        var periods = await scope.Db.Artifacts.Where(a => a.PeriodId != null).GroupBy(a => a.Period!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var statuses = (await scope.Db.Artifacts.Select(a => a.Status).ToListAsync()).GroupBy(s => s.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());

        var results = AllArtifacts();
        Assert.That(Counts(results, SearchFields.Period), Is.EquivalentTo(periods.ToDictionary(e => e.Key, e => e.Count)));
        Assert.That(Counts(results, SearchFields.Status), Is.EquivalentTo(statuses));
        Assert.That(results.Total, Is.EqualTo(await scope.Db.Artifacts.CountAsync()));
    }

    [Test]
    public async Task Condition_counts_equal_the_latest_report_of_each_artifact()
    {
        await using var scope = catalogue.As("reader");
        var reports = await scope.Db.ConditionReports.Select(r => new { r.ArtifactId, r.ExaminedOn, r.Id, r.Overall }).ToListAsync();
        var expected = reports.GroupBy(r => r.ArtifactId)
            .Select(g => g.OrderByDescending(r => r.ExaminedOn).ThenByDescending(r => r.Id).First().Overall.ToString().ToLowerInvariant())
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(expected, Is.Not.Empty, "the sample catalogue has condition reports");
        Assert.That(Counts(AllArtifacts(), SearchFields.Condition), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Public_counts_cover_published_artifacts_only()
    {
        await using var scope = catalogue.As("reader");
        var expected = await scope.Db.Artifacts.Where(a => a.Status == PublicationStatus.Published)
            .GroupBy(a => a.ObjectType!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        var results = AllArtifacts(publicOnly: true);

        Assert.That(results.Total, Is.EqualTo(expected.Sum(e => e.Count)));
        Assert.That(Counts(results, SearchFields.ObjectType), Is.EquivalentTo(expected.ToDictionary(e => e.Key, e => e.Count)));
    }

    [Test]
    public void A_facet_filter_narrows_the_hits_to_the_count_it_showed()
    {
        var all = AllArtifacts();
        var material = all.Facets[SearchFields.Material][0];

        var filtered = catalogue.Search(new SearchRequest
        {
            PublicOnly = false,
            Types = [SearchDocumentType.Artifact],
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Material] = [material.Value] },
        });

        Assert.That(filtered.Total, Is.EqualTo(material.Count));
        Assert.That(filtered.Total, Is.LessThan(all.Total));
    }

    [Test]
    public async Task Finds_and_contexts_are_their_own_document_types()
    {
        await using var scope = catalogue.As("reader");
        var find = await scope.Db.Finds.Select(f => f.FindNumber).FirstAsync();
        var context = await scope.Db.Contexts.OrderBy(c => c.Id).FirstAsync();

        var finds = catalogue.Search(new SearchRequest { Text = find, PublicOnly = false, Types = [SearchDocumentType.Find] });
        var contexts = catalogue.Search(new SearchRequest { Text = $"\"{context.Reference}\"", PublicOnly = false, Types = [SearchDocumentType.Context] });
        var publicFinds = catalogue.Search(new SearchRequest { Text = find, PublicOnly = true });

        Assert.That(finds.Hits.Select(h => (h.Type, h.Number)), Does.Contain((SearchDocumentType.Find, find)));
        Assert.That(contexts.Hits.Select(h => (h.Type, h.Number)), Does.Contain((SearchDocumentType.Context, context.Reference)));
        Assert.That(publicFinds.Hits.Select(h => h.Type), Has.None.EqualTo(SearchDocumentType.Find));
    }

    private static Dictionary<string, int> Counts(SearchResults results, string facet) =>
        results.Facets[facet].ToDictionary(v => v.Value, v => v.Count);
}
