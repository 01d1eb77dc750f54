using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Tests.Support;
using static Catalogue.Core.Tests.Support.ExcavationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Exhibitions;

public sealed class LoanTests
{
    private static readonly DateOnly Dispatched = new(2024, 4, 18);
    private static readonly DateOnly Returned = new(2024, 10, 10);

    private TestCatalogue _catalogue = null!;
    private string[] _objects = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync();
        await _catalogue.CreateStoreAsync();
        _objects = await _catalogue.CreateArtifactsAsync(3);
        await _catalogue.MovedAsync("K1-R1-S1-B1", Day1, _objects);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    private Task<CommandResult<Loan>> Agree(string loan) => _catalogue.OnLoanAsync(loan, (c, v) => c.AgreeAsync(loan, v));

    private Task<CommandResult<Loan>> Dispatch(string loan, DateOnly? on = null) => _catalogue.OnLoanAsync(loan, (c, v) => c.DispatchAsync(loan, v, on ?? Dispatched, withoutDepartureChecks: true));

    private Task<CommandResult<Loan>> OnDisplay(string loan) => _catalogue.OnLoanAsync(loan, (c, v) => c.OnDisplayAsync(loan, v));

    private Task<CommandResult<Loan>> Return(string loan, DateOnly? on = null, string? to = "K1-R2-B3") => _catalogue.OnLoanAsync(loan, (c, v) => c.ReturnAsync(loan, v, on ?? Returned, to));

    [Test]
    public async Task Create_StoresTheAgreementWithANumberedReferenceAndTheInsuredObjects()
    {
        var reference = await _catalogue.CreateLoanAsync(null, _objects[0], _objects[1]);

        var loan = await _catalogue.ReadLoanAsync(reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference, Does.Match(@"^LN-\d{4}-0001$"));
            Assert.That(loan.Status, Is.EqualTo(LoanStatus.Requested));
            Assert.That(loan.Direction, Is.EqualTo(LoanDirection.Out));
            Assert.That(loan.Institution, Is.EqualTo("Musée Saint-Raymond"));
            Assert.That(loan.Contact, Is.EqualTo("Hélène Castagné, registrar"));
            Assert.That(loan.Courier, Is.EqualTo("Lê Thị Hoa"));
            Assert.That((loan.AgreementFrom, loan.AgreementTo), Is.EqualTo(((DateOnly?)new DateOnly(2024, 4, 1), (DateOnly?)new DateOnly(2024, 10, 31))));
            Assert.That(loan.Objects.Select(o => (o.Artifact!.AccessionNumber, o.InsuranceValue, o.Currency)),
                Is.EquivalentTo(new[] { (_objects[0], (decimal?)45000m, "EUR"), (_objects[1], (decimal?)45000m, "EUR") }));
        }

        Assert.That(await _catalogue.CreateLoanAsync(null), Does.EndWith("-0002"));
    }

    [Test]
    public async Task ALoanForAnUnknownExhibition_IsRefusedNamingExhibitionCode()
    {
        await using var scope = _catalogue.As(Registrar);
        var result = await scope.Get<ExhibitionCommands>().SaveLoanAsync(null, new SaveLoanCommand { Institution = "Musée Saint-Raymond", ExhibitionCode = "EX-NONE" });

        Assert.That(AssertRefusedOn(result, nameof(SaveLoanCommand.ExhibitionCode)), Does.Contain("EX-NONE"));
    }

    [Test]
    public async Task AnAgreementEndingBeforeItStarts_IsRefusedNamingAgreementTo()
    {
        await using var scope = _catalogue.As(Registrar);
        var result = await scope.Get<ExhibitionCommands>().SaveLoanAsync(null, new SaveLoanCommand
        {
            Institution = "Musée Saint-Raymond", AgreementFrom = new DateOnly(2024, 10, 1), AgreementTo = new DateOnly(2024, 4, 1),
        });

        Assert.That(AssertRefusedOn(result, "AgreementTo"), Does.Contain("cannot end before it starts"));
        Assert.That((await _catalogue.CountLocationRowsAsync()).Loans, Is.Zero);
    }

    [Test]
    public async Task ALoanWithoutAnInstitution_IsRefusedNamingInstitution()
    {
        await using var scope = _catalogue.As(Registrar);
        var result = await scope.Get<ExhibitionCommands>().SaveLoanAsync(null, new SaveLoanCommand { Institution = " " });

        Assert.That(AssertRefusedOn(result, "Institution"), Does.Contain("institution"));
    }

    [TestCase(-1, "EUR", "InsuranceValue", "negative")]
    [TestCase(1000, null, "Currency", "needs its currency")]
    [TestCase(1000, "EURO", "Currency", "three-letter")]
    public async Task IncludingAnObjectWithABadInsuranceValue_IsRefusedNamingTheField(decimal value, string? currency, string field, string rule)
    {
        var loan = await _catalogue.CreateLoanAsync(null);
        await using var scope = _catalogue.As(Registrar);

        var result = await scope.Get<ExhibitionCommands>().IncludeAsync(loan, _objects[0], value, currency);

        Assert.That(AssertRefusedOn(result, field), Does.Contain(rule));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Objects, Is.Empty);
    }

    [Test]
    public async Task IncludingAnUnknownObject_IsRefusedNamingAccessionNumber()
    {
        var loan = await _catalogue.CreateLoanAsync(null);
        await using var scope = _catalogue.As(Registrar);

        var result = await scope.Get<ExhibitionCommands>().IncludeAsync(loan, "TL.2099.0001", null, null);

        Assert.That(AssertRefusedOn(result, "AccessionNumber"), Does.Contain("TL.2099.0001"));
    }

    [Test]
    public async Task ALoan_GoesThroughEveryStatusFromRequestedToReturned()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);

        AssertSucceeded(await Agree(loan));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.Agreed));
        AssertSucceeded(await Dispatch(loan));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.Dispatched));
        AssertSucceeded(await OnDisplay(loan));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.OnDisplay));
        AssertSucceeded(await Return(loan));

        var stored = await _catalogue.ReadLoanAsync(loan);
        Assert.That(stored.Status, Is.EqualTo(LoanStatus.Returned));
        Assert.That((stored.DispatchedOn, stored.ReturnedOn), Is.EqualTo(((DateOnly?)Dispatched, (DateOnly?)Returned)));
        var history = await _catalogue.AuditOfAsync(Loan.AuditType, loan);
        Assert.That(history.Where(h => h.Action == Core.Audit.AuditAction.Updated).Select(h => h.Changes).Where(c => c.Contains("\"Status\"", StringComparison.Ordinal)).ToList(),
            Has.Count.EqualTo(4), "Each change of status is in the loan's history.");
    }

    [Test]
    public async Task ADispatchedLoan_CanBeReturnedWithoutGoingOnDisplay()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));

        AssertSucceeded(await Return(loan));
    }

    [Test]
    public async Task StatusChangesOutOfOrder_AreRefusedNamingStatusAndChangeNothing()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        var before = await _catalogue.CountLocationRowsAsync();

        Assert.That(AssertRefusedOn(await Dispatch(loan), "Status"), Does.Contain("is requested; only a loan that is agreed can be dispatched"));
        Assert.That(AssertRefusedOn(await OnDisplay(loan), "Status"), Does.Contain("only a loan that is dispatched can be put on display"));
        Assert.That(AssertRefusedOn(await Return(loan), "Status"), Does.Contain("only a loan that has left can be returned"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before), "A refused dispatch or return moves nothing.");

        AssertSucceeded(await Agree(loan));
        Assert.That(AssertRefusedOn(await Agree(loan), "Status"), Does.Contain("is agreed; only a loan that is requested can be agreed"));
        AssertSucceeded(await Dispatch(loan));
        Assert.That(AssertRefusedOn(await Dispatch(loan), "Status"), Does.Contain("is dispatched"));
        AssertSucceeded(await Return(loan));
        Assert.That(AssertRefusedOn(await Return(loan), "Status"), Does.Contain("is returned"));
        Assert.That(AssertRefusedOn(await OnDisplay(loan), "Status"), Does.Contain("is returned"));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.Returned));
    }

    [Test]
    public async Task ALoanWithoutObjects_CannotBeDispatched()
    {
        var loan = await _catalogue.CreateLoanAsync(null);
        AssertSucceeded(await Agree(loan));

        Assert.That(AssertRefusedOn(await Dispatch(loan), "Objects"), Does.Contain("Add the objects"));
    }

    [Test]
    public async Task OnceDispatched_TheListOfObjectsIsFixedAndAfterReturnTheRecordIsClosed()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));

        await using (var scope = _catalogue.As(Registrar))
            Assert.That(AssertRefusedOn(await scope.Get<ExhibitionCommands>().IncludeAsync(loan, _objects[1], null, null), "Objects"), Does.Contain("fixed"));
        AssertSucceeded(await Return(loan));
        var version = (await _catalogue.ReadLoanAsync(loan)).Version;
        await using (var scope = _catalogue.As(Registrar))
        {
            var result = await scope.Get<ExhibitionCommands>().SaveLoanAsync(loan, new SaveLoanCommand { Institution = "Another museum", Version = version });
            Assert.That(AssertRefusedOn(result, "Status"), Does.Contain("closed"));
        }
    }

    [Test]
    public async Task Dispatch_RecordsAMoveOutSoTheLoanIsTheObjectsLocation()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0], _objects[1]);
        AssertSucceeded(await Agree(loan));

        AssertSucceeded(await Dispatch(loan));

        var placement = await _catalogue.PlacementOfAsync(_objects[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(placement!.LoanReference, Is.EqualTo(loan));
            Assert.That(placement.LocationCode, Is.Null);
            Assert.That(placement.Where, Is.EqualTo("On loan: Musée Saint-Raymond"));
            Assert.That(placement.Since, Is.EqualTo(TestCatalogue.At(Dispatched, 12)));
            Assert.That((await _catalogue.PlacementOfAsync(_objects[2]))!.LocationCode, Is.EqualTo("K1-R1-S1-B1"), "Objects not on the loan stay.");
        }

        var history = await _catalogue.MoveHistoryAsync(_objects[0]);
        Assert.That(history[0].From, Is.EqualTo("K1 › K1-R1 › K1-R1-S1 › K1-R1-S1-B1"));
        Assert.That(history[0].To, Is.EqualTo($"On loan: Musée Saint-Raymond ({loan})"));
        Assert.That(history[0].LoanReference, Is.EqualTo(loan));
        await using var scope = _catalogue.As("reader");
        Assert.That((await scope.Get<LocationQueries>().ContentsAsync("K1-R1-S1-B1"))!.Select(o => o.AccessionNumber), Is.EqualTo(new[] { _objects[2] }));
    }

    [Test]
    public async Task AnObjectAwayOnLoan_CannotBeMovedUntilTheLoanIsReturned()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));
        var before = await _catalogue.CountLocationRowsAsync();

        var result = await _catalogue.MoveAsync("K1-R2-B3", Dispatched.AddDays(30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), _objects[0]);

        Assert.That(AssertMoveRefusedOn(result, nameof(MoveCommand.AccessionNumbers)), Does.Contain(_objects[0]).And.Contain($"on loan ({loan}"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Return_RecordsAMoveBackToTheChosenLocation()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0], _objects[1]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));
        AssertSucceeded(await OnDisplay(loan));

        AssertSucceeded(await Return(loan, to: "k1-r2-b3"));

        var placement = await _catalogue.PlacementOfAsync(_objects[1]);
        Assert.That(placement!.LocationCode, Is.EqualTo("K1-R2-B3"));
        Assert.That(placement.LoanReference, Is.Null);
        Assert.That(placement.Since, Is.EqualTo(TestCatalogue.At(Returned, 12)));
        var history = await _catalogue.MoveHistoryAsync(_objects[1]);
        Assert.That(history.Select(h => h.To), Is.EqualTo(new[] { "K1 › K1-R2 › K1-R2-B3", $"On loan: Musée Saint-Raymond ({loan})", "K1 › K1-R1 › K1-R1-S1 › K1-R1-S1-B1" }));
        Assert.That(history[0].From, Is.EqualTo($"On loan: Musée Saint-Raymond ({loan})"));

        await _catalogue.MovedAsync("K1-R1-S1-B2", Returned.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), _objects[1]);
        Assert.That((await _catalogue.PlacementOfAsync(_objects[1]))!.LocationCode, Is.EqualTo("K1-R1-S1-B2"), "Back home, the object moves again.");
    }

    [TestCase(null, "Choose where")]
    [TestCase("K9", "no location K9")]
    public async Task AReturnWithoutAKnownLocation_IsRefusedNamingToLocationCode(string? to, string message)
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));
        var before = await _catalogue.CountLocationRowsAsync();

        Assert.That(AssertRefusedOn(await Return(loan, to: to), "ToLocationCode"), Does.Contain(message));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.Dispatched));
    }

    [Test]
    public async Task AReturnDatedBeforeTheDispatch_IsRefusedNamingReturnedOn()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        AssertSucceeded(await Dispatch(loan));

        Assert.That(AssertRefusedOn(await Return(loan, Dispatched.AddDays(-1)), "ReturnedOn"), Does.Contain("before it left"));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.LoanReference, Is.EqualTo(loan));
    }

    [Test]
    public async Task ADispatchDatedBeforeTheObjectsLastMove_IsRefusedAndMovesNothing()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        await _catalogue.MovedAsync("K1-R2-B3", Dispatched.AddDays(5).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), _objects[0]);
        var before = await _catalogue.CountLocationRowsAsync();

        Assert.That(AssertRefusedOn(await Dispatch(loan), "Objects"), Does.Contain(_objects[0]).And.Contain("moved after"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
        Assert.That((await _catalogue.ReadLoanAsync(loan)).Status, Is.EqualTo(LoanStatus.Agreed));
    }

    [Test]
    public async Task ADispatchOrReturnDatedInTheFuture_IsRefused()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        var tomorrow = TestCatalogue.Today.AddDays(1);

        Assert.That(AssertRefusedOn(await Dispatch(loan, tomorrow), "DispatchedOn"), Does.Contain("future"));
        AssertSucceeded(await Dispatch(loan));
        Assert.That(AssertRefusedOn(await Return(loan, tomorrow), "ReturnedOn"), Does.Contain("future"));
    }

    [Test]
    public async Task AnObjectAlreadyAwayOnAnotherLoan_CannotBeDispatchedAgain()
    {
        var first = await _catalogue.CreateLoanAsync(null, _objects[0]);
        var second = await _catalogue.CreateLoanAsync(null, _objects[0], _objects[1]);
        AssertSucceeded(await Agree(first));
        AssertSucceeded(await Agree(second));
        AssertSucceeded(await Dispatch(first));
        var before = await _catalogue.CountLocationRowsAsync();

        Assert.That(AssertRefusedOn(await Dispatch(second, Dispatched.AddDays(1)), "Objects"), Does.Contain(_objects[0]).And.Contain($"already away on loan {first}"));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before), $"{_objects[1]} does not leave alone.");
    }

    [Test]
    public async Task AStatusChangeFromAStaleVersion_IsAConflictAndMovesNothing()
    {
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));
        var stale = (await _catalogue.ReadLoanAsync(loan)).Version - 1;
        var before = await _catalogue.CountLocationRowsAsync();

        await using var scope = _catalogue.As(Registrar);
        var result = await scope.Get<ExhibitionCommands>().DispatchAsync(loan, stale, Dispatched, withoutDepartureChecks: true);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(await _catalogue.CountLocationRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task ALoanForAnExhibition_IsListedWithTheExhibition()
    {
        await _catalogue.CreateExhibitionAsync("EX-TLS");
        var loan = await _catalogue.CreateLoanAsync("ex-tls", _objects[0]);

        await using var scope = _catalogue.As("reader");
        var queries = scope.Get<ExhibitionQueries>();
        Assert.That((await queries.DetailsAsync("EX-TLS", publicOnly: false))!.Loans, Is.EqualTo(new[] { loan }));
        Assert.That((await queries.DetailsAsync("EX-TLS", publicOnly: true))?.Loans ?? [], Is.Empty, "The public never sees loans.");
        Assert.That((await queries.LoansAsync()).Single().Exhibition, Is.EqualTo("EX-TLS"));
    }

    [Test]
    public async Task A_dispatch_and_a_return_dated_the_day_of_an_afternoon_move_are_recorded_after_it()
    {
        // Moved in the afternoon, sent off and back the same day: the loan's moves must come after that move, whatever
        // the time of day the commands run at.
        var afternoon = TestCatalogue.At(Dispatched, 18, 30);
        await _catalogue.MovedAsync("K1-R2-B3", afternoon, _objects[0]);
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));

        AssertSucceeded(await Dispatch(loan, Dispatched));
        var away = await _catalogue.PlacementOfAsync(_objects[0]);
        Assert.That(away!.LoanReference, Is.EqualTo(loan), "the dispatch is the object's last move");
        Assert.That(away.Since, Is.GreaterThan(afternoon));

        AssertSucceeded(await Return(loan, Dispatched, "K1-R1-S1-B1"));
        var back = await _catalogue.PlacementOfAsync(_objects[0]);
        Assert.That((back!.LoanReference, back.LocationCode), Is.EqualTo(((string?)null, (string?)"K1-R1-S1-B1")), "the return is the object's last move");
        Assert.That(back.Since, Is.GreaterThan(away.Since));
    }

    [Test]
    public async Task A_dispatch_dated_before_the_day_of_an_objects_last_move_is_refused()
    {
        await _catalogue.MovedAsync("K1-R2-B3", TestCatalogue.At(Dispatched.AddDays(1), 8), _objects[0]);
        var loan = await _catalogue.CreateLoanAsync(null, _objects[0]);
        AssertSucceeded(await Agree(loan));

        var result = await Dispatch(loan, Dispatched);

        Assert.That(result.Errors.Select(e => (e.Field, e.Message)), Is.EqualTo(new[]
        {
            ("Objects", $"{_objects[0]} was moved after {Dispatched:yyyy-MM-dd}; date the dispatch on or after its last move."),
        }));
        Assert.That((await _catalogue.PlacementOfAsync(_objects[0]))!.LocationCode, Is.EqualTo("K1-R2-B3"), "nothing moved");
    }
}
