using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Samples;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Samples;

/// <summary>The shipped sample dataset, loaded once (then a second time) into one catalogue; the tests only read.</summary>
public sealed partial class SampleDataLoaderTests
{
    private TestCatalogue _catalogue = null!;
    private SampleLoadResult _first = null!;
    private SampleLoadResult _second = null!;
    private List<Artifact> _artifacts = null!;
    private List<int> _progress = null!;

    [OneTimeSetUp]
    public async Task LoadTheSamplesTwice()
    {
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        var reports = new List<(int Done, int Total)>();
        await using (var scope = _catalogue.As("system"))
            _first = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, new SynchronousProgress(reports.Add));
        await using (var scope = _catalogue.As("system"))
            _second = await scope.Get<SampleDataLoader>().LoadAsync(TestCatalogue.SamplesDirectory, progress: null);
        _progress = reports.Select(r => r.Done).ToList();
        await using var reader = _catalogue.As("reader");
        _artifacts = await reader.Db.Artifacts.AsNoTracking().Include(a => a.Terms).ToListAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public void Load_StoresAtLeast300Artifacts()
    {
        Assert.That(_first.Artifacts, Is.GreaterThanOrEqualTo(300));
        Assert.That(_artifacts, Has.Count.EqualTo(_first.Artifacts));
    }

    [Test]
    public void Load_PublishesMostArtifactsAndKeepsSomeAsDrafts()
    {
        var published = _artifacts.Count(a => a.Status == PublicationStatus.Published);
        var drafts = _artifacts.Count(a => a.Status == PublicationStatus.Draft);

        Assert.That(published, Is.GreaterThan(_artifacts.Count / 2));
        Assert.That(drafts, Is.GreaterThan(0));
    }

    [Test]
    public async Task Load_StoresTermsOfAllFourVocabularies()
    {
        await using var scope = _catalogue.As("reader");
        var counts = await scope.Get<VocabularyQueries>().CountsAsync();

        Assert.That(counts.Keys, Is.EquivalentTo(Enum.GetValues<Vocabulary>()));
        Assert.That(counts.Values, Has.All.GreaterThan(0));
        Assert.That(counts.Values.Sum(), Is.EqualTo(_first.Terms));
    }

    [Test]
    public async Task Load_GivesEveryPeriodItsYearsInChronologicalOrder()
    {
        await using var scope = _catalogue.As("reader");
        var periods = await scope.Get<VocabularyQueries>().ListAsync(Vocabulary.Period);

        Assert.That(periods, Has.All.Matches<VocabularyTerm>(p => p.StartYear <= p.EndYear));
        Assert.That(periods.Select(p => p.StartYear), Is.Ordered);
    }

    [Test]
    public void Load_KeepsInscriptionsInChineseCharacters()
    {
        var withHan = _artifacts.Where(a => a.InscriptionText is { } text && HanCharacter().IsMatch(text)).ToList();

        Assert.That(withHan, Is.Not.Empty);
    }

    [Test]
    public void Load_KeepsVietnameseTitlesWithTheirDiacritics()
    {
        var withDiacritics = _artifacts.Where(a => a.Title.Vi is { } vi && HasVietnameseDiacritics(vi)).ToList();

        Assert.That(withDiacritics, Is.Not.Empty);
        Assert.That(withDiacritics.Select(a => a.Title.Vi), Has.All.Matches<string>(vi => vi.IsNormalized(NormalizationForm.FormC)));
    }

    [Test]
    public void Load_AttachesMaterialsToEveryArtifact()
    {
        Assert.That(_artifacts, Has.All.Matches<Artifact>(a => a.MaterialIds.Any()));
    }

    [Test]
    public void Load_ReportsProgressUpToTheLastRecord()
    {
        Assert.That(_progress, Is.Not.Empty);
        Assert.That(_progress, Is.Ordered);
        Assert.That(_progress[^1], Is.EqualTo(_artifacts.Count));
    }

    [Test]
    public async Task Load_RecordsTheCreationOfEachArtifactInTheHistory()
    {
        await using var scope = _catalogue.As("reader");
        var created = await scope.Db.AuditEntries.CountAsync(e => e.EntityType == Artifact.AuditType && e.Action == Catalogue.Core.Audit.AuditAction.Created);

        Assert.That(created, Is.EqualTo(_artifacts.Count));
    }

    [Test]
    public void LoadAgain_AddsNothing()
    {
        Assert.That(_second.Artifacts, Is.Zero);
        Assert.That(_second.Terms, Is.Zero);
        Assert.That(_artifacts, Has.Count.EqualTo(_first.Artifacts));
    }

    private static bool HasVietnameseDiacritics(string text) =>
        text.Contains('đ', StringComparison.OrdinalIgnoreCase) ||
        text.Normalize(NormalizationForm.FormD).Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacter();

    /// <summary>Records each report as it is made (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}

public sealed class SampleDataLoaderFailureTests
{
    private TestCatalogue _catalogue = null!;
    private string _samples = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        _samples = Path.Combine(_catalogue.DataDirectory, "broken-samples");
        Directory.CreateDirectory(_samples);
        File.Copy(Path.Combine(TestCatalogue.SamplesDirectory, "vocabularies.json"), Path.Combine(_samples, "vocabularies.json"));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Load_WithAnArtifactNamingAnUnknownTerm_FailsNamingItAndStoresNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_samples, "artifacts.json"), """
            [
              { "accessionNumber": "TL.2002.0001", "objectType": "covered-box", "materials": ["stoneware"], "techniques": [],
                "title": { "en": "Covered box" }, "status": "published" },
              { "accessionNumber": "TL.2002.0002", "objectType": "flying-saucer", "materials": ["stoneware"], "techniques": [],
                "title": { "en": "Saucer" }, "status": "published" }
            ]
            """);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => LoadAsync());

        Assert.That(error!.Message, Does.Contain("TL.2002.0002").And.Contain("flying-saucer"));
        await AssertNothingStoredAsync();
    }

    [Test]
    public async Task Load_WithAnArtifactBreakingARule_FailsNamingTheFieldAndStoresNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_samples, "artifacts.json"), """
            [
              { "accessionNumber": "TL.2002.0001", "objectType": "covered-box", "materials": ["stoneware"], "techniques": [],
                "title": { "en": "Covered box" }, "dating": { "earliestYear": 1400, "latestYear": 1200 }, "status": "draft" }
            ]
            """);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => LoadAsync());

        Assert.That(error!.Message, Does.Contain("TL.2002.0001").And.Contain("Dating.LatestYear"));
        await AssertNothingStoredAsync();
    }

    [Test]
    public void Load_WithoutTheArtifactsFile_FailsNamingTheFile()
    {
        var error = Assert.ThrowsAsync<FileNotFoundException>(() => LoadAsync());

        Assert.That(error!.Message, Does.Contain("artifacts.json"));
    }

    private async Task LoadAsync()
    {
        await using var scope = _catalogue.As("system");
        await scope.Get<SampleDataLoader>().LoadAsync(_samples, progress: null);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var scope = _catalogue.As("reader");
        Assert.That(await scope.Db.Terms.CountAsync(), Is.Zero, "Terms are loaded in the same transaction as the artifacts.");
        Assert.That(await scope.Db.Artifacts.CountAsync(), Is.Zero);
        Assert.That(await scope.Db.AuditEntries.CountAsync(), Is.Zero);
    }
}

public sealed class FirstRunSampleLoadingTests
{
    [Test]
    public async Task Initialize_WithSampleLoadingOn_FillsAnEmptyCatalogueOnce()
    {
        await using var catalogue = await TestCatalogue.StartAsync(seedTerms: false, loadSampleData: true);
        var afterFirstStart = await catalogue.CountRowsAsync();

        await using (var scope = catalogue.As("system"))
            await scope.Get<Catalogue.Core.Data.DatabaseInitializer>().InitializeAsync();

        Assert.That(afterFirstStart.Artifacts, Is.GreaterThanOrEqualTo(300));
        Assert.That(await catalogue.CountRowsAsync(), Is.EqualTo(afterFirstStart));
    }
}
