using Catalogue.Core.Conservation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Exhibitions;

/// <summary>A condition check is required of every loaned object at each stage: before departure, on arrival, before return, on return.</summary>
public sealed class LoanCheckTests
{
    private static readonly DateOnly Dispatched = new(2024, 4, 18);
    private static readonly DateOnly Returned = new(2024, 10, 10);

    private TestCatalogue _catalogue = null!;
    private string[] _objects = null!;
    private string _loan = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateStoreAsync();
        _objects = await _catalogue.CreateArtifactsAsync(3);
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects);
        _loan = await _catalogue.CreateLoanAsync(null, _objects[0], _objects[1]);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private async Task AdvanceTo(LoanStatus status)
    {
        if (status >= LoanStatus.Agreed)
            AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.AgreeAsync(_loan, v)));
        if (status >= LoanStatus.Dispatched)
            AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.DispatchAsync(_loan, v, Dispatched, withoutDepartureChecks: true)));
        if (status >= LoanStatus.OnDisplay)
            AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.OnDisplayAsync(_loan, v)));
        if (status >= LoanStatus.Returned)
            AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.ReturnAsync(_loan, v, Returned, "K1-R2-B3")));
    }

    private async Task<string> CheckedAsync(string accessionNumber, ConditionCheckPurpose purpose, DateOnly on)
    {
        var result = await _catalogue.ReportAsync(accessionNumber, purpose, on, _loan);
        AssertSucceeded(result, $"Recording the {purpose} check of {accessionNumber}");
        return result.Value!.Reference;
    }

    private async Task<LoanStage[]> MissingAsync(string accessionNumber) =>
        (await _catalogue.ChecksAsync(_loan)).Where(c => c.AccessionNumber == accessionNumber && c.IsMissing).Select(c => c.Stage).ToArray();

    [Test]
    public async Task Checks_ListEveryObjectAtEveryStage()
    {
        var checks = await _catalogue.ChecksAsync(_loan);

        Assert.That(checks.Select(c => (c.AccessionNumber, c.Stage)), Is.EqualTo(
            from number in new[] { _objects[0], _objects[1] }
            from stage in Enum.GetValues<LoanStage>()
            select (number, stage)));
    }

    [TestCase(LoanStatus.Requested, new LoanStage[0])]
    [TestCase(LoanStatus.Agreed, new LoanStage[0])]
    [TestCase(LoanStatus.Dispatched, new[] { LoanStage.BeforeDeparture })]
    [TestCase(LoanStatus.OnDisplay, new[] { LoanStage.BeforeDeparture, LoanStage.OnArrival })]
    [TestCase(LoanStatus.Returned, new[] { LoanStage.BeforeDeparture, LoanStage.OnArrival, LoanStage.BeforeReturn, LoanStage.OnReturn })]
    public async Task WithoutReports_EveryCheckTheStatusRequiresIsMissing(LoanStatus status, LoanStage[] due)
    {
        await AdvanceTo(status);

        Assert.That(await MissingAsync(_objects[0]), Is.EqualTo(due));
        Assert.That(await MissingAsync(_objects[1]), Is.EqualTo(due));
        Assert.That((await _catalogue.ChecksAsync(_loan)).Where(c => !c.IsDue).Select(c => c.ReportReference), Has.All.Null);
    }

    [Test]
    public async Task AReportForTheLoanWithTheStagesPurpose_SatisfiesThatStageOnly()
    {
        await AdvanceTo(LoanStatus.OnDisplay);

        var report = await CheckedAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched.AddDays(-2));

        var checks = await _catalogue.ChecksAsync(_loan);
        Assert.That(checks.Single(c => c.AccessionNumber == _objects[0] && c.Stage == LoanStage.BeforeDeparture).ReportReference, Is.EqualTo(report));
        Assert.That(await MissingAsync(_objects[0]), Is.EqualTo(new[] { LoanStage.OnArrival }));
        Assert.That(await MissingAsync(_objects[1]), Is.EqualTo(new[] { LoanStage.BeforeDeparture, LoanStage.OnArrival }), "Each object needs its own check.");
    }

    [Test]
    public async Task AReportNotMadeForTheLoan_DoesNotSatisfyTheCheck()
    {
        await AdvanceTo(LoanStatus.Dispatched);

        AssertSucceeded(await _catalogue.ReportAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched.AddDays(-2), loan: null));
        AssertSucceeded(await _catalogue.ReportAsync(_objects[0], ConditionCheckPurpose.Routine, Dispatched.AddDays(-1), loan: null));

        Assert.That(await MissingAsync(_objects[0]), Is.EqualTo(new[] { LoanStage.BeforeDeparture }));
    }

    [Test]
    public async Task AReturnedLoanWithEveryCheckRecorded_HasNothingMissing()
    {
        await AdvanceTo(LoanStatus.Returned);
        foreach (var number in _objects[..2])
        {
            await CheckedAsync(number, ConditionCheckPurpose.LoanDeparture, Dispatched.AddDays(-2));
            await CheckedAsync(number, ConditionCheckPurpose.LoanArrival, Dispatched.AddDays(3));
            await CheckedAsync(number, ConditionCheckPurpose.LoanBeforeReturn, Returned.AddDays(-3));
            await CheckedAsync(number, ConditionCheckPurpose.LoanReturn, Returned.AddDays(2));
        }

        var checks = await _catalogue.ChecksAsync(_loan);

        Assert.That(checks, Has.Count.EqualTo(8));
        Assert.That(checks.Where(c => c.IsMissing), Is.Empty);
        Assert.That(checks.Select(c => c.ReportReference), Has.All.Not.Null);
    }

    [Test]
    public async Task Dispatch_WithoutADepartureCheck_IsRefusedNamingTheObjectsAndMovesNothing()
    {
        AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.AgreeAsync(_loan, v)));
        await CheckedAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched);
        var moves = (await _catalogue.MoveHistoryAsync(_objects[1])).Count;

        var result = await _catalogue.OnLoanAsync(_loan, (c, v) => c.DispatchAsync(_loan, v, Dispatched));

        Assert.That(AssertRefusedOn(result, ExhibitionCommands.DepartureChecksField),
            Does.Contain($"No departure condition check is recorded for {_objects[1]}:").And.Not.Contain(_objects[0]));
        Assert.That((await _catalogue.ReadLoanAsync(_loan)).Status, Is.EqualTo(LoanStatus.Agreed));
        Assert.That(await _catalogue.MoveHistoryAsync(_objects[1]), Has.Count.EqualTo(moves));
    }

    [Test]
    public async Task Dispatch_WithEveryDepartureCheckRecorded_GoesWithoutAConfirmation()
    {
        AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.AgreeAsync(_loan, v)));
        await CheckedAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched);
        await CheckedAsync(_objects[1], ConditionCheckPurpose.LoanDeparture, Dispatched);

        AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.DispatchAsync(_loan, v, Dispatched)));

        Assert.That((await _catalogue.MoveHistoryAsync(_objects[1]))[0].Reason, Does.Not.Contain("without"));
    }

    [Test]
    public async Task Dispatch_ConfirmedWithoutDepartureChecks_GoesAndEachUncheckedObjectsMoveSaysSo()
    {
        AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.AgreeAsync(_loan, v)));
        await CheckedAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched);

        AssertSucceeded(await _catalogue.OnLoanAsync(_loan, (c, v) => c.DispatchAsync(_loan, v, Dispatched, withoutDepartureChecks: true)));

        Assert.That((await _catalogue.ReadLoanAsync(_loan)).Status, Is.EqualTo(LoanStatus.Dispatched));
        Assert.That((await _catalogue.MoveHistoryAsync(_objects[1]))[0].Reason, Does.EndWith(", without a departure condition check"));
        Assert.That((await _catalogue.MoveHistoryAsync(_objects[0]))[0].Reason, Does.Not.Contain("without"));
    }

    [Test]
    public async Task AReportForALoanTheObjectIsNotOn_IsRefusedNamingLoanReference()
    {
        var result = await _catalogue.ReportAsync(_objects[2], ConditionCheckPurpose.LoanDeparture, Dispatched, _loan);

        Assert.That(AssertRefusedOn(result, nameof(ConditionReportInput.LoanReference)), Does.Contain($"{_objects[2]} is not on loan {_loan}"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).ConditionReports, Is.Zero);
    }

    [Test]
    public async Task AReportForALoanThatDoesNotExist_IsRefusedNamingLoanReference()
    {
        var result = await _catalogue.ReportAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched, "LN-1999-0001");

        Assert.That(AssertRefusedOn(result, nameof(ConditionReportInput.LoanReference)), Does.Contain("no loan LN-1999-0001"));
    }

    [Test]
    public async Task AReportForALoanWithoutALoanPurpose_IsRefusedNamingPurpose()
    {
        var result = await _catalogue.ReportAsync(_objects[0], ConditionCheckPurpose.Routine, Dispatched, _loan);

        Assert.That(AssertRefusedOn(result, nameof(ConditionReportInput.Purpose)), Does.Contain("loan purpose"));
    }

    [Test]
    public async Task EditingALoanCheck_KeepsItOnTheLoan()
    {
        await AdvanceTo(LoanStatus.Dispatched);
        var reference = await CheckedAsync(_objects[0], ConditionCheckPurpose.LoanDeparture, Dispatched.AddDays(-2));
        ConditionReport stored;
        await using (var reader = _catalogue.As("reader"))
            stored = await reader.Db.ConditionReports.AsNoTracking().Include(r => r.Artifact).Include(r => r.Observations).SingleAsync(r => r.Reference == reference);
        var edit = ConditionReportInput.From(stored);
        edit.LoanReference = null;
        edit.Recommendation = "Fit to travel.";

        await using (var scope = _catalogue.As("thu.conservator"))
            AssertSucceeded(await scope.Get<ConservationCommands>().UpdateReportAsync(reference, edit));

        Assert.That(await MissingAsync(_objects[0]), Is.Empty, "An edit form that does not carry the loan leaves the check on it.");
    }
}
