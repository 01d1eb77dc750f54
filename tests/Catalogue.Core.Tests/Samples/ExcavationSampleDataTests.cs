using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Core.Samples;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Samples;

/// <summary>The shipped excavation sample (samples/excavation.json), loaded once (then again) into one catalogue; the tests only read.</summary>
public sealed class ExcavationSampleDataTests
{
    private TestCatalogue _catalogue = null!;
    private SampleLoadResult _first = null!;
    private SampleLoadResult _second = null!;
    private ExcavationRowCounts _afterFirst = null!;
    private ExcavationRowCounts _afterSecond = null!;

    [OneTimeSetUp]
    public async Task LoadTheSamplesTwice()
    {
        Assert.That(Path.Combine(TestCatalogue.SamplesDirectory, "excavation.json"), Does.Exist, "The excavation sample is copied beside the tests.");
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        await using (var scope = _catalogue.As("system"))
            _first = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        _afterFirst = await _catalogue.CountExcavationRowsAsync();
        await using (var scope = _catalogue.As("system"))
            _second = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        _afterSecond = await _catalogue.CountExcavationRowsAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public void Load_StoresAtLeastThreeSites80ContextsAnd500Finds()
    {
        Assert.That(_afterFirst.Sites, Is.GreaterThanOrEqualTo(3));
        Assert.That(_afterFirst.Contexts, Is.GreaterThanOrEqualTo(80));
        Assert.That(_afterFirst.Finds, Is.GreaterThanOrEqualTo(500));
        Assert.That(_first.Finds, Is.EqualTo(_afterFirst.Finds), "The loader reports the finds it stored.");
    }

    [Test]
    public void LoadingAgain_AddsNothing()
    {
        Assert.That(_second.Finds, Is.Zero);
        Assert.That(_afterSecond with { AuditEntries = 0 }, Is.EqualTo(_afterFirst with { AuditEntries = 0 }));
    }

    [Test]
    public async Task Load_StoresRelationsOfEveryKindIncludingSameAs()
    {
        await using var scope = _catalogue.As("reader");
        var types = await scope.Db.ContextRelations.Select(r => r.Type).Distinct().ToListAsync();

        Assert.That(_afterFirst.Relations, Is.GreaterThanOrEqualTo(_afterFirst.Contexts / 2), "A realistic record relates most contexts.");
        Assert.That(types, Does.Contain(StratigraphicRelationType.SameAs));
        Assert.That(types, Does.Contain(StratigraphicRelationType.Above).And.Contain(StratigraphicRelationType.Cuts).And.Contain(StratigraphicRelationType.Fills));
    }

    [Test]
    public async Task EverySampleArtifact_IsLinkedToExactlyOneAccessionedFind()
    {
        await using var scope = _catalogue.As("reader");
        var artifacts = await scope.Db.Artifacts.Select(a => a.Id).ToListAsync();
        var links = await scope.Db.Finds.Where(f => f.ArtifactId != null).Select(f => new { f.ArtifactId, f.Status }).ToListAsync();
        var accessionedWithoutArtifact = await scope.Db.Finds.CountAsync(f => f.Status == FindStatus.Accessioned && f.ArtifactId == null);

        Assert.That(artifacts, Is.Not.Empty);
        Assert.That(links.Select(l => l.ArtifactId!.Value), Is.EquivalentTo(artifacts), "One find per artifact, and no find points elsewhere.");
        Assert.That(links.Select(l => l.Status), Has.All.EqualTo(FindStatus.Accessioned));
        Assert.That(accessionedWithoutArtifact, Is.Zero);
    }

    [Test]
    public async Task EverySampleArtifact_WasAccessionedAfterItsFindCameOutOfTheGround()
    {
        await using var scope = _catalogue.As("reader");
        var pairs = await scope.Db.Finds.Where(f => f.ArtifactId != null)
            .Join(scope.Db.Artifacts, f => f.ArtifactId, a => a.Id, (f, a) => new { a.AccessionNumber, a.AccessionDate, f.FoundOn })
            .ToListAsync();

        Assert.That(pairs, Is.Not.Empty);
        Assert.That(pairs.Where(p => p.AccessionDate is null).Select(p => p.AccessionNumber), Is.Empty, "every sample artifact has an accession date");
        Assert.That(pairs.Where(p => p.FoundOn is { } found && p.AccessionDate < found).Select(p => p.AccessionNumber), Is.Empty);
        Assert.That(pairs.Where(p => p.AccessionDate!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) != p.AccessionNumber.Split('.')[1])
            .Select(p => p.AccessionNumber), Is.Empty, "the year of the accession number is the year of accession");
    }

    [Test]
    public async Task Load_KeepsSomeFindsRegisteredForTheCuratorsToAccession()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await scope.Db.Finds.CountAsync(f => f.Status == FindStatus.Registered), Is.GreaterThan(0));
    }

    [Test]
    public async Task EverySampleSite_BuildsItsMatrixWithoutProblems()
    {
        await using var scope = _catalogue.As("reader");
        var sites = await scope.Db.Sites.Select(s => s.Code).ToListAsync();
        var contexts = await scope.Db.Contexts.GroupBy(c => c.SiteCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);

        foreach (var code in sites)
        {
            var result = await scope.Get<SiteStratigraphy>().BuildMatrixAsync(code);
            Assert.That(result?.Problems, Is.Empty, () => $"{code}: {string.Join(" ", result?.Problems ?? [])}");
            var matrix = result!.Matrix!;
            Assert.That(matrix.Nodes.Sum(n => n.MemberKeys.Count), Is.EqualTo(contexts[code]), $"{code}: every context is in the matrix.");
            Assert.That(matrix.Edges, Is.Not.Empty, $"{code}: the matrix has lines.");
        }
    }
}
