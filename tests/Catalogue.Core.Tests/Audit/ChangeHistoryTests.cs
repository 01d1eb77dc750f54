using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Audit;

public sealed class ChangeHistoryTests
{
    private const string Accession = "TL.2023.0142";
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_WritesOneCreatedEntryListingTheGivenFields()
    {
        var terms = _catalogue.Terms;
        await _catalogue.CreateArtifactAsync(
            _catalogue.Artifact(Accession).WithTitleEn("Bowl").WithMaterials(terms.Stoneware.Id).WithPeriod(terms.Ly.Id).WithYears(1010, 1225),
            "lan.curator");

        var history = await HistoryAsync();

        Assert.That(history, Has.Count.EqualTo(1));
        var created = history[0];
        Assert.That(created.Action, Is.EqualTo(AuditAction.Created));
        Assert.That(created.UserName, Is.EqualTo("lan.curator"));
        Assert.That(created.At.Kind, Is.EqualTo(DateTimeKind.Utc));
        var fields = created.Changes.ToDictionary(c => c.Field);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields["AccessionNumber"], Is.EqualTo(new FieldChange("AccessionNumber", null, Accession)));
            Assert.That(fields["Title.En"], Is.EqualTo(new FieldChange("Title.En", null, "Bowl")));
            Assert.That(fields["ObjectType"], Is.EqualTo(new FieldChange("ObjectType", null, "bowl")), "Terms are recorded by code, not by id.");
            Assert.That(fields["Period"], Is.EqualTo(new FieldChange("Period", null, "ly")));
            Assert.That(fields["Materials"], Is.EqualTo(new FieldChange("Materials", null, "stoneware")));
            Assert.That(fields["Dating.EarliestYear"], Is.EqualTo(new FieldChange("Dating.EarliestYear", null, "1010")));
            Assert.That(fields["Status"], Is.EqualTo(new FieldChange("Status", null, "Draft")));
            Assert.That(fields.Keys, Has.None.EqualTo("Title.Fr"), "Fields left empty are not listed.");
            Assert.That(fields.Keys, Has.None.EqualTo("Version").And.None.EqualTo("CreatedBy"), "Bookkeeping columns are not history.");
        }
    }

    [Test]
    public async Task Update_WritesOneUpdatedEntryWithExactlyTheChangedFields()
    {
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithTitleEn("Bowl").WithYears(1010, 1225), "lan.curator");

        await UpdateAsync("minh.curator", ArtifactBuilder.From(created).WithTitleEn("Celadon bowl").WithYears(1010, 1200).BuildUpdate(1));

        var history = await HistoryAsync();
        Assert.That(history, Has.Count.EqualTo(2));
        var updated = history[0];
        Assert.That(updated.Action, Is.EqualTo(AuditAction.Updated));
        Assert.That(updated.UserName, Is.EqualTo("minh.curator"));
        Assert.That(updated.Changes, Is.EqualTo(new[]
        {
            new FieldChange("Dating.LatestYear", "1225", "1200"),
            new FieldChange("Title.En", "Bowl", "Celadon bowl"),
        }));
    }

    [Test]
    public async Task Update_OfMaterials_RecordsTheOldAndNewCodeLists()
    {
        var terms = _catalogue.Terms;
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithMaterials(terms.Stoneware.Id), "lan.curator");

        await UpdateAsync("minh.curator", ArtifactBuilder.From(created).WithMaterials(terms.CeladonGlaze.Id).BuildUpdate(1));

        var updated = (await HistoryAsync())[0];
        Assert.That(updated.Action, Is.EqualTo(AuditAction.Updated));
        Assert.That(updated.Changes, Is.EqualTo(new[] { new FieldChange("Materials", "stoneware", "celadon-glaze") }));
        var stored = await _catalogue.FindArtifactAsync(Accession);
        Assert.That(stored!.MaterialIds, Is.EquivalentTo(new[] { terms.CeladonGlaze.Id }));
        Assert.That(stored.Version, Is.EqualTo(2), "A change to the materials alone is still a new version.");
        Assert.That(stored.UpdatedBy, Is.EqualTo("minh.curator"));
    }

    [Test]
    public async Task Update_AddingAMaterial_ListsTheKeptAndTheAddedCodes()
    {
        var terms = _catalogue.Terms;
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithMaterials(terms.Stoneware.Id), "lan.curator");

        await UpdateAsync("minh.curator", ArtifactBuilder.From(created).WithMaterials(terms.Stoneware.Id, terms.CeladonGlaze.Id).BuildUpdate(1));

        var updated = (await HistoryAsync())[0];
        Assert.That(updated.Changes, Is.EqualTo(new[] { new FieldChange("Materials", "stoneware", "celadon-glaze, stoneware") }));
    }

    [Test]
    public async Task Update_OfObjectTypeAndPeriod_RecordsTheTermCodes()
    {
        var jar = await _catalogue.CreateTermAsync(TermBuilder.ObjectType("jar").WithLabelEn("Jar"));
        var tran = await _catalogue.CreateTermAsync(TermBuilder.Period("tran", 1225, 1400).WithLabelEn("Trần"));
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithPeriod(_catalogue.Terms.Ly.Id), "lan.curator");

        await UpdateAsync("minh.curator", ArtifactBuilder.From(created).WithObjectType(jar.Id).WithPeriod(tran.Id).BuildUpdate(1));

        Assert.That((await HistoryAsync())[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("ObjectType", "bowl", "jar"),
            new FieldChange("Period", "ly", "tran"),
        }));
    }

    [Test]
    public async Task Update_ThatChangesNothing_WritesNoEntry()
    {
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession), "lan.curator");

        await UpdateAsync("minh.curator", ArtifactBuilder.From(created).BuildUpdate(1));

        Assert.That(await HistoryAsync(), Has.Count.EqualTo(1));
        Assert.That((await _catalogue.FindArtifactAsync(Accession))!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task RefusedUpdate_WritesNoEntry()
    {
        var created = await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithYears(1010, 1225), "lan.curator");

        await using (var scope = _catalogue.As("minh.curator"))
        {
            var result = await scope.Get<ArtifactCommands>().UpdateAsync(ArtifactBuilder.From(created).WithTitleEn("Changed").WithYears(1300, 1200).BuildUpdate(1));
            Assert.That(result.Succeeded, Is.False);
        }

        var history = await HistoryAsync();
        Assert.That(history, Has.Count.EqualTo(1));
        Assert.That(history[0].Action, Is.EqualTo(AuditAction.Created));
    }

    [Test]
    public async Task ChangeStatus_RecordsStatusFromDraftToPublished()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession), "lan.curator");

        await using (var scope = _catalogue.As("minh.curator"))
        {
            var result = await scope.Get<ArtifactCommands>().ChangeStatusAsync(
                new ChangePublicationStatusCommand { AccessionNumber = Accession, Status = PublicationStatus.Published, Version = 1 });
            Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        }

        var latest = (await HistoryAsync())[0];
        Assert.That(latest.Action, Is.EqualTo(AuditAction.Updated));
        Assert.That(latest.UserName, Is.EqualTo("minh.curator"));
        Assert.That(latest.Changes, Is.EqualTo(new[] { new FieldChange("Status", "Draft", "Published") }));
    }

    [Test]
    public async Task History_IsKeptPerRecord()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001"));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0002"));

        await using var scope = _catalogue.As("reader");
        var history = await scope.Get<HistoryQueries>().ForRecordAsync(Artifact.AuditType, "TL.2023.0002");

        Assert.That(history, Has.Count.EqualTo(1));
        Assert.That(history[0].Changes, Does.Contain(new FieldChange("AccessionNumber", null, "TL.2023.0002")));
    }

    private async Task UpdateAsync(string user, UpdateArtifactCommand command)
    {
        await using var scope = _catalogue.As(user);
        var result = await scope.Get<ArtifactCommands>().UpdateAsync(command);
        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
    }

    private async Task<IReadOnlyList<HistoryItem>> HistoryAsync()
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<HistoryQueries>().ForRecordAsync(Artifact.AuditType, Accession);
    }
}
