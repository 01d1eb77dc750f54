using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ExcavationSetup;

namespace Catalogue.Core.Tests.Excavation;

/// <summary>Relations recorded in the database through the stratigraphy checks, and the matrix built back from them.</summary>
public sealed class SiteStratigraphyTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogueWithContexts()
    {
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        await _catalogue.CreateSiteAsync("HD18");
        await _catalogue.CreateContextsAsync("HD18", 1, 2, 3, 4, 5, 6, 7);
        await _catalogue.CreateSiteAsync("DM");
        await _catalogue.CreateContextsAsync("DM", 1, 2, 50);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task AddRelation_FiveBelowThree_IsStoredOnceAsThreeAboveFiveAndReadsFromBothSides()
    {
        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 5, StratigraphicRelationChoice.Below, 3);
            AssertSucceeded(result);
            Assert.That(result.Value!.Description, Is.EqualTo("3 above 5"));
            Assert.That(result.Value.CreatedBy, Is.EqualTo(Archaeologist));
        }

        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "3 above 5" }));
        await using var reader = _catalogue.As("reader");
        var queries = reader.Get<ExcavationQueries>();
        var three = await queries.FindContextAsync("HD18", 3);
        var five = await queries.FindContextAsync("HD18", 5);
        var fromThree = await queries.RelationsOfContextAsync(three!.Id);
        var fromFive = await queries.RelationsOfContextAsync(five!.Id);
        Assert.That(fromThree.Select(r => r.Id), Is.EqualTo(fromFive.Select(r => r.Id)), "Both contexts see the one stored row.");
        var stored = fromFive.Single();
        var relation = new StratigraphicRelation(SiteStratigraphy.Key(stored.From!.Number), stored.Type, SiteStratigraphy.Key(stored.To!.Number));
        Assert.That(relation.DescribeFrom("5"), Is.EqualTo("5 below 3"));
        Assert.That(relation.DescribeFrom("3"), Is.EqualTo("3 above 5"));
        var neighboursOfFive = await reader.Get<SiteStratigraphy>().NeighboursAsync("HD18", 5);
        Assert.That(neighboursOfFive!.Above, Is.EqualTo(new[] { "(3)" }));
    }

    [Test]
    public async Task AddRelation_ThatClosesACycle_IsRefusedNamingTheChainAndStoresNothing()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2", "2 above 3");
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 3, StratigraphicRelationChoice.Above, 1);

        var message = AssertRefusedOn(result, "Relation");
        Assert.That(message, Does.Contain("3 above 1").And.Contain("1 above 2").And.Contain("2 above 3"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "1 above 2", "2 above 3" }));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before), "No relation and no history is written.");
    }

    [Test]
    public async Task AddRelation_OfAContextToItself_IsRefused()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 4, StratigraphicRelationChoice.Above, 4);

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("itself"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.Empty);
    }

    [Test]
    public async Task AddRelation_AlreadyRecordedFromTheOtherSide_IsRefusedAndStoredOnlyOnce()
    {
        await _catalogue.RelateAsync("HD18", "3 above 5");

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 5, StratigraphicRelationChoice.Below, 3);

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("already recorded"));
        Assert.That(result.Errors, Has.Count.EqualTo(1), "the duplicate is said once");
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "3 above 5" }));
    }

    [Test]
    public async Task AddRelation_SameAsEnteredTheOtherWayRound_IsRefusedAsAlreadyRecorded()
    {
        await _catalogue.RelateAsync("HD18", "7 same as 4");

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 4, StratigraphicRelationChoice.SameAs, 7);

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("already recorded"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "4 same as 7" }));
    }

    [Test]
    public async Task AddRelation_ToAContextTheSiteDoesNotHave_IsRefusedNamingThatContext()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 1, StratigraphicRelationChoice.Above, 99);

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("99"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.Empty);
    }

    [Test]
    public async Task AddRelation_ToAContextOfAnotherSite_IsRefusedAsUnknownOnThisSite()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 1, StratigraphicRelationChoice.Above, 50);

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("50").And.Contain("not recorded on this site"));
        Assert.That((await _catalogue.CountExcavationRowsAsync()).Relations, Is.Zero);
    }

    [Test]
    public async Task AddRelation_OnAnUnknownSite_IsNotFound()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddRelationAsync("NOPE", 1, StratigraphicRelationChoice.Above, 2);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    [Test]
    public async Task AddStatements_WithAGoodBatch_StoresEveryRelationInItsCanonicalForm()
    {
        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", "1 above 2\r\n3 cut by 2\n\n  4 filled by 6 \n5 same as 4");
            AssertSucceeded(result);
            Assert.That(result.Value, Has.Count.EqualTo(4));
        }

        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EquivalentTo(new[] { "1 above 2", "2 cuts 3", "6 fills 4", "4 same as 5" }));
    }

    [Test]
    public async Task AddStatements_WhereOneLineClosesACycle_StoresNoneOfThem()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2");
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", "4 above 5\n2 above 3\n3 above 1\n6 above 7");

        var message = AssertRefusedOn(result, "Relation");
        Assert.That(message, Does.Contain("1").And.Contain("2").And.Contain("3"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "1 above 2" }), "The good lines are not stored either.");
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AddStatements_WithAnUnreadableLineAndACycle_StoresNoneAndListsEveryProblem()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2", "2 above 3");
        var before = await _catalogue.CountExcavationRowsAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", "4 above 5\n6 sideways 7\n3 above 1\n5 above 99");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.That(messages, Has.Some.Contain("Line 2").And.Some.Contain("6 sideways 7"), "The unreadable line is named by its number and text.");
        Assert.That(messages, Has.Some.Contain("3 above 1"), "The cycle is reported too.");
        Assert.That(messages, Has.Some.Contain("99"), "So is the unknown context.");
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "1 above 2", "2 above 3" }));
        Assert.That(await _catalogue.CountExcavationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AddStatements_RepeatingALineOfTheSameBatch_IsRefusedAsAlreadyRecorded()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", "1 above 2\n2 below 1");

        Assert.That(AssertRefusedOn(result, "Relation"), Does.Contain("already recorded"));
        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.Empty);
    }

    [Test]
    public async Task AddStatements_WithNothingWritten_IsRefusedNamingStatements()
    {
        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", " \n ");

        AssertRefusedOn(result, "Statements");
    }

    [Test]
    public async Task RemoveRelation_DeletesItSoTheOppositeOrderCanBeRecorded()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2", "3 above 4");
        int id;
        await using (var reader = _catalogue.As("reader"))
            id = await reader.Db.ContextRelations.Where(r => r.Description == "1 above 2").Select(r => r.Id).SingleAsync();

        await using (var scope = _catalogue.As(Archaeologist))
        {
            var result = await scope.Get<SiteStratigraphy>().RemoveRelationAsync("HD18", id);
            AssertSucceeded(result);
        }

        Assert.That(await _catalogue.ReadRelationsAsync("HD18"), Is.EqualTo(new[] { "3 above 4" }));
        await using (var scope = _catalogue.As(Archaeologist))
            AssertSucceeded(await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 2, StratigraphicRelationChoice.Above, 1));
    }

    [Test]
    public async Task RemoveRelation_OfAnotherSite_IsNotFoundAndRemovesNothing()
    {
        await _catalogue.RelateAsync("DM", "1 above 2");
        int id;
        await using (var reader = _catalogue.As("reader"))
            id = await reader.Db.ContextRelations.Select(r => r.Id).SingleAsync();

        await using var scope = _catalogue.As(Archaeologist);
        var result = await scope.Get<SiteStratigraphy>().RemoveRelationAsync("HD18", id);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(await _catalogue.ReadRelationsAsync("DM"), Is.EqualTo(new[] { "1 above 2" }));
    }

    [Test]
    public async Task EveryRelationChange_WritesARelationEntryInTheChangeHistory()
    {
        await using (var scope = _catalogue.As(Archaeologist))
        {
            AssertSucceeded(await scope.Get<SiteStratigraphy>().AddRelationAsync("HD18", 5, StratigraphicRelationChoice.Below, 3));
            AssertSucceeded(await scope.Get<SiteStratigraphy>().AddStatementsAsync("HD18", "1 above 2\n4 cut by 6"));
        }

        int id;
        await using (var reader = _catalogue.As("reader"))
            id = await reader.Db.ContextRelations.Where(r => r.Description == "1 above 2").Select(r => r.Id).SingleAsync();
        await using (var scope = _catalogue.As("lan.archaeologist"))
            AssertSucceeded(await scope.Get<SiteStratigraphy>().RemoveRelationAsync("HD18", id));

        // Entries of one save (the batch) may come in any order; the saves themselves come in turn.
        var history = await RelationHistoryAsync();
        var changes = history.Select(h => (h.EntityKey, h.Action, h.UserName)).ToList();
        Assert.That(changes, Has.Count.EqualTo(4));
        Assert.That(changes[0], Is.EqualTo(("HD18: 3 above 5", AuditAction.Created, Archaeologist)));
        Assert.That(changes.Skip(1).Take(2), Is.EquivalentTo(new[]
        {
            ("HD18: 1 above 2", AuditAction.Created, Archaeologist),
            ("HD18: 6 cuts 4", AuditAction.Created, Archaeologist),
        }));
        Assert.That(changes[3], Is.EqualTo(("HD18: 1 above 2", AuditAction.Deleted, "lan.archaeologist")));
    }

    [Test]
    public async Task ChangeHistory_WritesASameAsRelationAsItIsRead()
    {
        await _catalogue.RelateAsync("HD18", "7 same as 4");

        var history = await RelationHistoryAsync();

        Assert.That(history.Single().EntityKey, Is.EqualTo("HD18: 4 same as 7"));
    }

    [Test]
    public async Task RefusedRelations_WriteNoChangeHistory()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2");

        await using (var scope = _catalogue.As(Archaeologist))
        {
            var stratigraphy = scope.Get<SiteStratigraphy>();
            Assert.That((await stratigraphy.AddRelationAsync("HD18", 2, StratigraphicRelationChoice.Above, 1)).Succeeded, Is.False);
            Assert.That((await stratigraphy.AddStatementsAsync("HD18", "3 above 4\n4 above 3")).Succeeded, Is.False);
        }

        Assert.That(await RelationHistoryAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task BuildMatrix_KeepsOnlyTheDirectLinesAndMergesSameAs()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2", "2 above 3", "1 above 3", "3 above 4", "5 above 6", "4 same as 5");

        await using var scope = _catalogue.As("reader");
        var result = await scope.Get<SiteStratigraphy>().BuildMatrixAsync("HD18");

        Assert.That(result, Is.Not.Null);
        Assert.That(result!.Succeeded, Is.True, () => string.Join(" ", result.Problems));
        var matrix = result.Matrix!;
        Assert.That(matrix.Edges.Select(e => $"{e.From}->{e.To}"), Is.EquivalentTo(new[] { "1->2", "2->3", "3->4", "4->6" }));
        Assert.That(matrix.ImpliedRelationCount, Is.EqualTo(1), "1 above 3 is implied by 1 above 2 above 3.");
        var merged = matrix.NodeFor("5");
        Assert.That(merged, Is.SameAs(matrix.NodeFor("4")));
        Assert.That(merged!.MemberKeys, Is.EqualTo(new[] { "4", "5" }));
        Assert.That(merged.Label, Is.EqualTo("(4) = (5)"));
        Assert.That(matrix.Nodes.Select(n => n.Id), Is.EquivalentTo(new[] { "1", "2", "3", "4", "6", "7" }), "Context 7 has no relations but is still drawn.");
        Assert.That(matrix.NodeFor("1")!.Layer, Is.LessThan(matrix.NodeFor("6")!.Layer), "The latest context is drawn at the top.");
    }

    [Test]
    public async Task BuildMatrix_ReadsOnlyTheContextsAndRelationsOfThatSite()
    {
        await _catalogue.RelateAsync("HD18", "1 above 2");
        await _catalogue.RelateAsync("DM", "2 above 1");

        await using var scope = _catalogue.As("reader");
        var matrix = (await scope.Get<SiteStratigraphy>().BuildMatrixAsync("DM"))!.Matrix!;

        Assert.That(matrix.Nodes.Select(n => n.Id), Is.EquivalentTo(new[] { "1", "2", "50" }));
        Assert.That(matrix.Edges.Select(e => $"{e.From}->{e.To}"), Is.EqualTo(new[] { "2->1" }));
    }

    [Test]
    public async Task BuildMatrix_OfAnUnknownSite_IsNull()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await scope.Get<SiteStratigraphy>().BuildMatrixAsync("NOPE"), Is.Null);
    }

    [Test]
    public async Task Neighbours_AreWhatLiesDirectlyAboveAndBelowAfterReduction()
    {
        await _catalogue.CreateContextAsync(new ContextBuilder("HD18", 8).Cut());
        await _catalogue.RelateAsync("HD18", "1 above 2", "2 above 3", "1 above 3", "2 above 8", "3 above 4", "4 same as 5");

        await using var scope = _catalogue.As("reader");
        var stratigraphy = scope.Get<SiteStratigraphy>();
        var ofTwo = await stratigraphy.NeighboursAsync("HD18", 2);
        var ofThree = await stratigraphy.NeighboursAsync("HD18", 3);
        var ofFive = await stratigraphy.NeighboursAsync("HD18", 5);

        Assert.That(ofTwo!.Above, Is.EqualTo(new[] { "(1)" }));
        Assert.That(ofTwo.Below, Is.EquivalentTo(new[] { "(3)", "[8]" }));
        Assert.That(ofThree!.Above, Is.EqualTo(new[] { "(2)" }), "1 above 3 is implied, so 1 is not a direct neighbour of 3.");
        Assert.That(ofThree.Below, Is.EqualTo(new[] { "(4) = (5)" }));
        Assert.That(ofFive!.Above, Is.EqualTo(new[] { "(3)" }), "5 is the same context as 4, so it shares its neighbours.");
        Assert.That(await stratigraphy.NeighboursAsync("HD18", 99), Is.Null);
    }

    private async Task<List<AuditEntry>> RelationHistoryAsync()
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Relation").OrderBy(e => e.Id).ToListAsync();
    }
}
