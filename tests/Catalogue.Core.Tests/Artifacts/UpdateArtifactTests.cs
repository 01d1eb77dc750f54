using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Artifacts;

public sealed class UpdateArtifactTests
{
    private const string Accession = "TL.2023.0142";
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithTitleEn("Bowl").WithYears(1010, 1225), "lan.curator");
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Update_FromTheCurrentVersion_SavesAndBumpsTheVersion()
    {
        var loaded = await LoadAsync();

        var result = await UpdateAsync("minh.curator", ArtifactBuilder.From(loaded).WithTitleEn("Celadon bowl").BuildUpdate(loaded.Version));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        var stored = await LoadAsync();
        Assert.That(stored.Title.En, Is.EqualTo("Celadon bowl"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("minh.curator"));
        Assert.That(stored.CreatedBy, Is.EqualTo("lan.curator"), "Updating must not rewrite who created the record.");
        Assert.That(stored.UpdatedAt, Is.GreaterThanOrEqualTo(stored.CreatedAt));
    }

    [Test]
    public async Task Update_BySecondEditorFromAStaleVersion_IsAConflictNamingTheFirstEditorAndKeepsTheirChanges()
    {
        // Both editors open the record at version 1.
        var seenByFirst = await LoadAsync();
        var seenBySecond = await LoadAsync();

        var first = await UpdateAsync("minh.curator", ArtifactBuilder.From(seenByFirst).WithTitleEn("Celadon bowl").BuildUpdate(seenByFirst.Version));
        var countsAfterFirst = await _catalogue.CountRowsAsync();
        var second = await UpdateAsync("hoa.curator", ArtifactBuilder.From(seenBySecond).WithTitleEn("Grey bowl").WithYears(1100, 1200).BuildUpdate(seenBySecond.Version));

        Assert.That(first.Succeeded, Is.True, () => TestCatalogue.Describe(first.Errors));
        Assert.That(second.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(second.Errors.Single().Message, Does.Contain("minh.curator").And.Contain(Accession));
        var stored = await LoadAsync();
        Assert.That(stored.Title.En, Is.EqualTo("Celadon bowl"));
        Assert.That(stored.Dating.EarliestYear, Is.EqualTo(1010));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("minh.curator"));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(countsAfterFirst), "The refused save must not write history.");
    }

    [Test]
    public async Task Update_WhenTheRowChangedAfterItWasLoaded_IsAConflictAndOverwritesNothing()
    {
        await using var scope = _catalogue.As("hoa.curator");
        // The record is loaded (and tracked) at version 1 ...
        var tracked = await scope.Db.Artifacts.Include(a => a.Terms).SingleAsync(a => a.AccessionNumber == Accession);
        // ... then another writer commits before this save reaches the database.
        var changed = await _catalogue.ExecuteSqlAsync(
            $"UPDATE Artifacts SET Version = 2, UpdatedBy = 'minh.curator', Title_En = 'Changed elsewhere' WHERE AccessionNumber = '{Accession}'");
        Assert.That(changed, Is.EqualTo(1));
        var countsBefore = await _catalogue.CountRowsAsync();

        var result = await scope.Get<ArtifactCommands>().UpdateAsync(ArtifactBuilder.From(tracked).WithTitleEn("Overwrite attempt").BuildUpdate(1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain("minh.curator"));
        var stored = await LoadAsync();
        Assert.That(stored.Title.En, Is.EqualTo("Changed elsewhere"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(countsBefore));
    }

    [Test]
    public async Task Update_WhenARivalSaveCommitsBetweenLoadAndSave_IsAConflictAndOverwritesNothing()
    {
        var loaded = await LoadAsync();
        var countsBefore = await _catalogue.CountRowsAsync();
        var rivalRows = 0;
        _catalogue.Clock.BeforeNextSave(() => rivalRows = _catalogue.ExecuteSql(
            $"UPDATE Artifacts SET Version = Version + 1, UpdatedBy = 'minh.curator', Title_En = 'Rival title' WHERE AccessionNumber = '{Accession}'"));

        var result = await UpdateAsync("hoa.curator", ArtifactBuilder.From(loaded).WithTitleEn("Overwrite attempt").BuildUpdate(loaded.Version));

        Assert.That(rivalRows, Is.EqualTo(1), "The rival write ran inside the save.");
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(result.Errors.Single().Message, Does.Contain("minh.curator"));
        var stored = await LoadAsync();
        Assert.That(stored.Title.En, Is.EqualTo("Rival title"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(countsBefore), "The lost save must not leave history behind.");
    }

    [Test]
    public async Task Update_OfUnknownAccessionNumber_IsNotFound()
    {
        var result = await UpdateAsync("minh.curator", _catalogue.Artifact("TL.2023.9999").BuildUpdate(1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(result.Errors.Single().Message, Does.Contain("TL.2023.9999"));
    }

    [Test]
    public async Task Update_WithInvertedYears_IsRejectedAndLeavesTheRecordAsItWas()
    {
        var loaded = await LoadAsync();
        var countsBefore = await _catalogue.CountRowsAsync();

        var result = await UpdateAsync("minh.curator", ArtifactBuilder.From(loaded).WithTitleEn("Changed").WithYears(1300, 1200).BuildUpdate(loaded.Version));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain("LatestYear"));
        var stored = await LoadAsync();
        Assert.That(stored.Title.En, Is.EqualTo("Bowl"));
        Assert.That(stored.Version, Is.EqualTo(1));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(countsBefore));
    }

    [Test]
    public async Task Update_WithoutAVersion_IsRejectedNamingVersion()
    {
        var loaded = await LoadAsync();

        var result = await UpdateAsync("minh.curator", ArtifactBuilder.From(loaded).WithTitleEn("Changed").BuildUpdate(0));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain("Version"));
        Assert.That((await LoadAsync()).Title.En, Is.EqualTo("Bowl"));
    }

    [Test]
    public async Task ChangeStatus_FromAStaleVersion_IsAConflictAndKeepsTheStatus()
    {
        var loaded = await LoadAsync();
        await UpdateAsync("minh.curator", ArtifactBuilder.From(loaded).WithTitleEn("Celadon bowl").BuildUpdate(loaded.Version));

        await using var scope = _catalogue.As("hoa.curator");
        var result = await scope.Get<ArtifactCommands>().ChangeStatusAsync(
            new ChangePublicationStatusCommand { AccessionNumber = Accession, Status = PublicationStatus.Published, Version = 1 });

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That((await LoadAsync()).Status, Is.EqualTo(PublicationStatus.Draft));
    }

    [Test]
    public async Task ChangeStatus_ToPublished_MakesTheRecordPublicAndBumpsTheVersion()
    {
        await using (var scope = _catalogue.As("minh.curator"))
        {
            var result = await scope.Get<ArtifactCommands>().ChangeStatusAsync(
                new ChangePublicationStatusCommand { AccessionNumber = Accession, Status = PublicationStatus.Published, Version = 1 });
            Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        }

        await using var reader = _catalogue.As("anonymous");
        var view = await reader.Get<ArtifactQueries>().GetAsync(Accession, publishedOnly: true);
        Assert.That(view, Is.Not.Null);
        Assert.That(view!.Status, Is.EqualTo(PublicationStatus.Published));
        Assert.That(view.Version, Is.EqualTo(2));
    }

    private async Task<Artifact> LoadAsync()
    {
        await using var scope = _catalogue.As("reader");
        return (await scope.Get<ArtifactQueries>().FindForEditAsync(Accession))!;
    }

    private async Task<CommandResult<Artifact>> UpdateAsync(string user, UpdateArtifactCommand command)
    {
        await using var scope = _catalogue.As(user);
        return await scope.Get<ArtifactCommands>().UpdateAsync(command);
    }
}
