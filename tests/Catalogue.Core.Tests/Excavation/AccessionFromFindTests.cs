using System.Globalization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Excavation;

/// <summary>A registered find becomes a catalogue artifact: the proposal, then the create that links both in one save.</summary>
public sealed class AccessionFromFindTests
{
    private const string Curator = "lan.curator";
    private TestCatalogue _catalogue = null!;
    private Find _find = null!;

    private static string ThisYear => TestCatalogue.Today.Year.ToString(CultureInfo.InvariantCulture);

    [SetUp]
    public async Task StartCatalogueWithARegisteredFind()
    {
        _catalogue = await TestCatalogue.StartAsync();
        var terms = _catalogue.Terms;
        await _catalogue.CreateSiteAsync(new SiteBuilder("HD18").Named("Hoàng Diệu 18", "18 rue Hoàng Diệu", "18 Hoàng Diệu Street"));
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 12).Cut().InPeriod(terms.Ly.Id).Phase("Lý 2"));
        _find = await _catalogue.RegisterFindAsync(new FindBuilder("HD18", 12).OfType(terms.Bowl.Id).OfMaterial(terms.Stoneware.Id)
            .FoundOn(new DateOnly(2023, 3, 4)).Weighing(310m));
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Propose_PrefillsTheRecordFromTheFindAndItsContext()
    {
        var terms = _catalogue.Terms;

        var proposal = await ProposeAsync(_find.FindNumber);

        Assert.That(proposal, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(proposal!.FindNumber, Is.EqualTo("HD18-0001"));
            Assert.That(proposal.ObjectTypeId, Is.EqualTo(terms.Bowl.Id));
            Assert.That(proposal.MaterialIds, Is.EqualTo(new[] { terms.Stoneware.Id }));
            Assert.That(proposal.PeriodId, Is.EqualTo(terms.Ly.Id), "The period is the context's.");
            Assert.That((proposal.EarliestYear, proposal.LatestYear), Is.EqualTo((1009, 1225)), "The years are the period's.");
            Assert.That((proposal.TitleVi, proposal.TitleFr, proposal.TitleEn), Is.EqualTo(("Bát", "Bol", "Bowl")), "The title is the object type.");
            Assert.That(proposal.Provenance, Does.Contain("18 Hoàng Diệu Street").And.Contain("HD18").And.Contain("context [12]").And.Contain("find HD18-0001"));
            Assert.That(proposal.Provenance, Does.Contain("2023-03-04"));
            Assert.That(proposal.AccessionNumber, Is.EqualTo($"TL.{ThisYear}.0001"), "No artifact has been accessioned this year yet.");
            Assert.That(proposal.Status, Is.EqualTo(PublicationStatus.Draft));
            Assert.That((proposal.WeightValue, proposal.WeightUnit), Is.EqualTo(((decimal?)310m, "g")), "A single piece's weight is the object's.");
        }
    }

    [Test]
    public async Task Propose_NumbersAfterTheHighestAccessionOfThisYearOnly()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142"));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact($"TL.{ThisYear}.0007"));

        var proposal = await ProposeAsync(_find.FindNumber);

        Assert.That(proposal!.AccessionNumber, Is.EqualTo($"TL.{ThisYear}.0008"));
    }

    [Test]
    public async Task Propose_ForAFindNumberTypedInLowerCase_FindsTheFind()
    {
        var proposal = await ProposeAsync("hd18-0001");

        Assert.That(proposal?.FindNumber, Is.EqualTo("HD18-0001"));
    }

    [Test]
    public async Task Propose_ForAnUnknownOrAlreadyAccessionedFind_IsNull()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001").FromFind(_find.FindNumber));

        Assert.That(await ProposeAsync("HD18-9999"), Is.Null);
        Assert.That(await ProposeAsync(_find.FindNumber), Is.Null);
    }

    [Test]
    public async Task Create_FromTheProposal_IsAccepted()
    {
        var proposal = await ProposeAsync(_find.FindNumber);

        await using var scope = _catalogue.As(Curator);
        var result = await scope.Get<ArtifactCommands>().CreateAsync(proposal!);

        AssertSucceeded(result);
        var stored = await _catalogue.FindArtifactAsync($"TL.{ThisYear}.0001");
        Assert.That(stored!.PeriodId, Is.EqualTo(_catalogue.Terms.Ly.Id));
        Assert.That(stored.Provenance, Does.Contain("find HD18-0001"));
    }

    [Test]
    public async Task Create_WithAFindNumber_CreatesTheArtifactAndMarksTheFindAccessionedInTheSameSave()
    {
        await using (var scope = _catalogue.As(Curator))
            AssertSucceeded(await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber).Build()));

        var find = await _catalogue.ReadFindAsync(_find.FindNumber);
        await using var reader = _catalogue.As("reader");
        var artifact = await reader.Db.Artifacts.AsNoTracking().Include(a => a.Find).SingleAsync(a => a.AccessionNumber == "TL.2023.0142");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(find!.Status, Is.EqualTo(FindStatus.Accessioned));
            Assert.That(find.ArtifactId, Is.EqualTo(artifact.Id), "The find points to the artifact.");
            Assert.That(artifact.Find?.FindNumber, Is.EqualTo(_find.FindNumber), "The artifact points back to the find.");
            Assert.That(find.UpdatedBy, Is.EqualTo(Curator));
            Assert.That(find.Version, Is.EqualTo(2));
        }

        var history = await reader.Db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "Artifact" && e.EntityKey == "TL.2023.0142") || (e.EntityType == Find.AuditType && e.Action == AuditAction.Updated))
            .ToListAsync();
        Assert.That(history.Select(e => e.EntityType), Is.EquivalentTo(new[] { "Artifact", Find.AuditType }));
        Assert.That(history.Select(e => e.At).Distinct().Count(), Is.EqualTo(1), "Both records were written by one save.");
    }

    [Test]
    public async Task Create_WithAFindNumber_WritesTheNewAccessionNumberInTheFindsHistoryNotADatabaseId()
    {
        await using (var scope = _catalogue.As(Curator))
            AssertSucceeded(await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber).Build()));

        await using var reader = _catalogue.As("reader");
        var entry = await reader.Db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == Find.AuditType && e.EntityKey == _find.FindNumber && e.Action == AuditAction.Updated);

        // The artifact had only a temporary id when the history was written in the same save: its number is what is kept.
        Assert.That(entry.FieldChanges, Does.Contain(new FieldChange("Artifact", null, "TL.2023.0142")));
        Assert.That(entry.Changes, Does.Not.Contain("ArtifactId"));
    }

    [Test]
    public async Task Create_WithAFindNumberTypedInLowerCase_AccessionsThatFind()
    {
        await using (var scope = _catalogue.As(Curator))
            AssertSucceeded(await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind("hd18-0001").Build()));

        var find = await _catalogue.ReadFindAsync("HD18-0001");
        Assert.That(find!.Status, Is.EqualTo(FindStatus.Accessioned));
        Assert.That(find.Artifact?.AccessionNumber, Is.EqualTo("TL.2023.0142"));
    }

    [Test]
    public async Task Create_FromAFindAlreadyAccessioned_IsRefusedNamingFindNumberAndCreatesNoSecondArtifact()
    {
        var first = await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber));
        var before = await _catalogue.CountExcavationRowsAsync();

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0143").FromFind(_find.FindNumber).Build());
            Assert.That(AssertRefusedOn(result, "FindNumber"), Does.Contain("HD18-0001"));
        }

        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
        Assert.That(await _catalogue.FindArtifactAsync("TL.2023.0143"), Is.Null);
        Assert.That((await _catalogue.ReadFindAsync(_find.FindNumber))!.ArtifactId, Is.EqualTo(first.Id), "The find stays linked to the first artifact.");
    }

    [Test]
    public async Task Create_FromADiscardedFind_IsRefusedNamingFindNumber()
    {
        await using (var scope = _catalogue.As(Archaeologist))
            AssertSucceeded(await scope.Get<FindCommands>().DiscardAsync(_find.FindNumber));

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber).Build());
            AssertRefusedOn(result, "FindNumber");
        }

        Assert.That(await _catalogue.FindArtifactAsync("TL.2023.0142"), Is.Null);
        Assert.That((await _catalogue.ReadFindAsync(_find.FindNumber))!.Status, Is.EqualTo(FindStatus.Discarded));
    }

    [Test]
    public async Task Create_WithAnAccessionNumberAlreadyUsed_LeavesTheFindRegistered()
    {
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0142"));

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber).Build());
            AssertRefusedOn(result, "AccessionNumber");
        }

        await AssertFindStillRegisteredAsync();
    }

    [Test]
    public async Task Create_WithoutATitle_LeavesTheFindRegistered()
    {
        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").WithoutTitle().FromFind(_find.FindNumber).Build());
            AssertRefusedOn(result, "TitleEn");
        }

        await AssertFindStillRegisteredAsync();
        Assert.That(await _catalogue.FindArtifactAsync("TL.2023.0142"), Is.Null);
    }

    [Test]
    public async Task Create_WhenAnotherCuratorTakesTheNumberDuringTheSave_LeavesTheFindRegistered()
    {
        // The rival's record is renumbered after our validation passed, so our insert hits the unique index.
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0999"), "minh.curator");
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql("UPDATE Artifacts SET AccessionNumber = 'TL.2023.0142' WHERE AccessionNumber = 'TL.2023.0999'"));

        await using (var scope = _catalogue.As(Curator))
        {
            var result = await scope.Get<ArtifactCommands>().CreateAsync(_catalogue.Artifact("TL.2023.0142").FromFind(_find.FindNumber).Build());
            AssertRefusedOn(result, "AccessionNumber");
        }

        await AssertFindStillRegisteredAsync();
        Assert.That((await _catalogue.CountRowsAsync()).Artifacts, Is.EqualTo(1), "Only the rival's artifact exists.");
    }

    private async Task AssertFindStillRegisteredAsync()
    {
        var find = await _catalogue.ReadFindAsync(_find.FindNumber);
        Assert.That(find!.Status, Is.EqualTo(FindStatus.Registered));
        Assert.That(find.ArtifactId, Is.Null);
        Assert.That(find.Version, Is.EqualTo(1), "The find was not touched.");
    }

    private async Task<CreateArtifactCommand?> ProposeAsync(string findNumber)
    {
        await using var scope = _catalogue.As(Curator);
        return await scope.Get<AccessionProposal>().ProposeAsync(findNumber);
    }
}
