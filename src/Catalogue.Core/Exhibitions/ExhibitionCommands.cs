using System.Globalization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Locations;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Exhibitions;

public sealed class SaveExhibitionCommand
{
    public string? Code { get; set; }
    public string? TitleVi { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionVi { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public bool IsPublic { get; set; }
    public int Version { get; set; }
}

public sealed class VenueInput
{
    public string? Institution { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
}

public sealed class ExhibitObjectInput
{
    public string? AccessionNumber { get; set; }
    public string? LabelVi { get; set; }
    public string? LabelFr { get; set; }
    public string? LabelEn { get; set; }
}

public sealed class SaveLoanCommand
{
    public LoanDirection Direction { get; set; } = LoanDirection.Out;
    public string? Institution { get; set; }
    public string? Contact { get; set; }
    public DateOnly? AgreementFrom { get; set; }
    public DateOnly? AgreementTo { get; set; }
    public string? Courier { get; set; }
    public string? ExhibitionCode { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

/// <summary>Exhibitions (venues, objects and their labels) and loans (objects, insurance, stages, moves).</summary>
public sealed class ExhibitionCommands(CatalogueDbContext db, ICurrentUser user, TimeProvider clock, InstitutionCalendar calendar)
{
    public async Task<CommandResult<Exhibition>> SaveAsync(SaveExhibitionCommand command, bool isNew, CancellationToken cancellationToken = default)
    {
        var code = (command.Code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length == 0)
            return CommandResult<Exhibition>.Invalid(nameof(command.Code), "Exhibition code is required.");
        var title = LocalizedText.Of(command.TitleVi, command.TitleFr, command.TitleEn);
        var description = LocalizedText.Of(command.DescriptionVi, command.DescriptionFr, command.DescriptionEn);
        var existing = await db.Exhibitions.SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (isNew && existing is not null)
            return CommandResult<Exhibition>.Invalid(nameof(command.Code), $"Exhibition code {code} is already used.");
        if (!isNew && existing is null)
            return CommandResult<Exhibition>.NotFound($"There is no exhibition {code}.");
        if (!isNew && existing!.Version != command.Version)
            return Conflict(existing);
        return await Save(() =>
        {
            if (isNew)
            {
                var created = new Exhibition(code, title, description, command.IsPublic);
                db.Exhibitions.Add(created);
                return created;
            }

            existing!.Describe(title, description, command.IsPublic);
            db.Entry(existing).Property(e => e.Version).OriginalValue = command.Version;
            return existing;
        }, cancellationToken);
    }

    public async Task<CommandResult<Exhibition>> AddVenueAsync(string code, VenueInput input, CancellationToken cancellationToken = default)
    {
        var exhibition = await LoadExhibition(code, cancellationToken);
        if (exhibition is null)
            return CommandResult<Exhibition>.NotFound($"There is no exhibition {code}.");
        if (input.OpensOn is null || input.ClosesOn is null)
            return CommandResult<Exhibition>.Invalid(nameof(input.OpensOn), "A venue needs its opening and closing dates.");
        return await Save(() =>
        {
            exhibition.AddVenue(input.Institution ?? string.Empty, input.City ?? string.Empty, input.Country, input.OpensOn.Value, input.ClosesOn.Value);
            return exhibition;
        }, cancellationToken);
    }

    public async Task<CommandResult<Exhibition>> RemoveVenueAsync(string code, int venueId, CancellationToken cancellationToken = default)
    {
        var exhibition = await LoadExhibition(code, cancellationToken);
        return exhibition is null
            ? CommandResult<Exhibition>.NotFound($"There is no exhibition {code}.")
            : await Save(() =>
            {
                exhibition.RemoveVenue(venueId);
                return exhibition;
            }, cancellationToken);
    }

    public async Task<CommandResult<Exhibition>> ShowAsync(string code, ExhibitObjectInput input, CancellationToken cancellationToken = default)
    {
        var exhibition = await LoadExhibition(code, cancellationToken);
        if (exhibition is null)
            return CommandResult<Exhibition>.NotFound($"There is no exhibition {code}.");
        var number = AccessionNumber.Normalize(input.AccessionNumber ?? string.Empty);
        var artifact = await db.Artifacts.SingleOrDefaultAsync(a => a.AccessionNumber == number, cancellationToken);
        if (artifact is null)
            return CommandResult<Exhibition>.Invalid(nameof(input.AccessionNumber), $"No artifact has the accession number {number}.");
        return await Save(() =>
        {
            exhibition.Show(artifact, LocalizedText.Of(input.LabelVi, input.LabelFr, input.LabelEn));
            return exhibition;
        }, cancellationToken);
    }

    public async Task<CommandResult<Exhibition>> WithdrawAsync(string code, string accessionNumber, CancellationToken cancellationToken = default)
    {
        var exhibition = await LoadExhibition(code, cancellationToken);
        var number = AccessionNumber.Normalize(accessionNumber);
        var artifactId = await db.Artifacts.Where(a => a.AccessionNumber == number).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (exhibition is null || artifactId is null)
            return CommandResult<Exhibition>.NotFound("No such exhibition or object.");
        return await Save(() =>
        {
            exhibition.Withdraw(artifactId.Value);
            return exhibition;
        }, cancellationToken);
    }

    public async Task<CommandResult<Loan>> SaveLoanAsync(string? reference, SaveLoanCommand command, CancellationToken cancellationToken = default)
    {
        int? exhibitionId = null;
        if (!string.IsNullOrWhiteSpace(command.ExhibitionCode))
        {
            var exhibitionCode = command.ExhibitionCode.Trim().ToUpperInvariant();
            exhibitionId = await db.Exhibitions.Where(e => e.Code == exhibitionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
            if (exhibitionId is null)
                return CommandResult<Loan>.Invalid(nameof(command.ExhibitionCode), $"There is no exhibition {exhibitionCode}.");
        }

        var details = new LoanDetails
        {
            Direction = command.Direction,
            Institution = command.Institution ?? string.Empty,
            Contact = command.Contact,
            AgreementFrom = command.AgreementFrom,
            AgreementTo = command.AgreementTo,
            Courier = command.Courier,
            ExhibitionId = exhibitionId,
            Notes = command.Notes,
        };
        if (reference is null)
        {
            var next = await NextLoanReferenceAsync(cancellationToken);
            return await Save(() =>
            {
                var loan = new Loan(next, details);
                db.Loans.Add(loan);
                return loan;
            }, cancellationToken);
        }

        return await ChangeLoan(reference, command.Version, l => l.Revise(details), cancellationToken);
    }

    public async Task<CommandResult<Loan>> IncludeAsync(string reference, string? accessionNumber, decimal? insuranceValue, string? currency, CancellationToken cancellationToken = default)
    {
        var number = AccessionNumber.Normalize(accessionNumber ?? string.Empty);
        var artifact = await db.Artifacts.SingleOrDefaultAsync(a => a.AccessionNumber == number, cancellationToken);
        if (artifact is null)
            return CommandResult<Loan>.Invalid("AccessionNumber", $"No artifact has the accession number {Text.Shown(number)}.");
        var loan = await LoadLoan(reference, cancellationToken);
        return loan is null
            ? CommandResult<Loan>.NotFound($"There is no loan {reference}.")
            : await Save(() =>
            {
                loan.Include(artifact, insuranceValue, currency);
                return loan;
            }, cancellationToken);
    }

    public async Task<CommandResult<Loan>> ExcludeAsync(string reference, int artifactId, CancellationToken cancellationToken = default)
    {
        var loan = await LoadLoan(reference, cancellationToken);
        return loan is null
            ? CommandResult<Loan>.NotFound($"There is no loan {reference}.")
            : await Save(() =>
            {
                loan.Exclude(artifactId);
                return loan;
            }, cancellationToken);
    }

    public Task<CommandResult<Loan>> AgreeAsync(string reference, int version, CancellationToken cancellationToken = default) =>
        ChangeLoan(reference, version, l => l.Agree(), cancellationToken);

    /// <summary>The field a dispatch refused for want of departure checks names (the form's confirmation box).</summary>
    public const string DepartureChecksField = "WithoutDepartureChecks";

    /// <summary>
    /// The objects leave: each loan-out object's location becomes the loan, recorded as a move. An object goes out with
    /// its departure condition check on record, or the dispatch says it went without one (<paramref name="withoutDepartureChecks"/>,
    /// a decision the curator takes knowingly, and which each such move records).
    /// </summary>
    public async Task<CommandResult<Loan>> DispatchAsync(string reference, int version, DateOnly? on, bool withoutDepartureChecks = false, CancellationToken cancellationToken = default)
    {
        var day = on ?? Today;
        var loan = await LoadLoan(reference, cancellationToken);
        if (loan is null)
            return CommandResult<Loan>.NotFound($"There is no loan {reference}.");
        if (day > Today)
            return CommandResult<Loan>.Invalid("DispatchedOn", "A dispatch cannot be dated in the future.");
        // The loan's own rule (only an agreed loan leaves) speaks first; the moves are recorded only for a loan that can leave.
        if (loan.Direction == LoanDirection.Out && loan.Status == LoanStatus.Agreed)
        {
            var placements = await PlacementsOf(loan, cancellationToken);
            var problems = loan.Objects.Where(o => placements.TryGetValue(o.ArtifactId, out var p) && (p.LoanReference is not null || calendar.DayOf(p.Since) > day))
                .Select(o => new FieldError("Objects", placements[o.ArtifactId].LoanReference is { } other
                    ? $"{o.Artifact?.AccessionNumber} is already away on loan {other}."
                    : $"{o.Artifact?.AccessionNumber} was moved after {day:yyyy-MM-dd}; date the dispatch on or after its last move.")).ToList();
            if (problems.Count > 0)
                return CommandResult<Loan>.Invalid(problems);
            var departure = Loan.PurposeOf(LoanStage.BeforeDeparture);
            var checkedIds = await db.ConditionReports.Where(r => r.LoanId == loan.Id && r.Purpose == departure).Select(r => r.ArtifactId).ToListAsync(cancellationToken);
            var notChecked = loan.Objects.Where(o => !checkedIds.Contains(o.ArtifactId)).Select(o => o.Artifact!.AccessionNumber).Order(StringComparer.Ordinal).ToList();
            if (notChecked.Count > 0 && !withoutDepartureChecks)
            {
                return CommandResult<Loan>.Invalid(DepartureChecksField,
                    $"No departure condition check is recorded for {string.Join(", ", notChecked)}: a conservator records it from the loan's page. To send the loan without it, confirm the dispatch without departure checks.");
            }

            var at = MovedAt(day, placements.Values);
            var batch = Guid.NewGuid();
            foreach (var o in loan.Objects)
            {
                var reason = $"Dispatched on loan {loan.Reference} to {loan.Institution}"
                    + (notChecked.Contains(o.Artifact!.AccessionNumber) ? ", without a departure condition check" : string.Empty);
                db.Movements.Add(new Movement(o.Artifact!, placements.GetValueOrDefault(o.ArtifactId)?.LocationId, null, loan.Id, at, user.Name, reason, batch));
            }
        }

        return await ChangeLoaded(loan, version, l => l.Dispatch(day), cancellationToken);
    }

    public Task<CommandResult<Loan>> OnDisplayAsync(string reference, int version, CancellationToken cancellationToken = default) =>
        ChangeLoan(reference, version, l => l.ArriveOnDisplay(), cancellationToken);

    /// <summary>The objects come back to a storage location, recorded as a move from the loan.</summary>
    public async Task<CommandResult<Loan>> ReturnAsync(string reference, int version, DateOnly? on, string? toLocationCode, CancellationToken cancellationToken = default)
    {
        var day = on ?? Today;
        var loan = await LoadLoan(reference, cancellationToken);
        if (loan is null)
            return CommandResult<Loan>.NotFound($"There is no loan {reference}.");
        if (day > Today)
            return CommandResult<Loan>.Invalid("ReturnedOn", "A return cannot be dated in the future.");
        if (loan.Direction == LoanDirection.Out && loan.IsAway)
        {
            var code = (toLocationCode ?? string.Empty).Trim().ToUpperInvariant();
            var to = code.Length == 0 ? null : await db.Locations.SingleOrDefaultAsync(l => l.Code == code, cancellationToken);
            if (to is null)
                return CommandResult<Loan>.Invalid("ToLocationCode", code.Length == 0 ? "Choose where the returned objects are stored." : $"There is no location {code}.");
            if (loan.DispatchedOn is { } left && day < left)
                return CommandResult<Loan>.Invalid("ReturnedOn", "A loan cannot come back before it left.");
            var at = MovedAt(day, (await PlacementsOf(loan, cancellationToken)).Values);
            var batch = Guid.NewGuid();
            foreach (var o in loan.Objects)
                db.Movements.Add(new Movement(o.Artifact!, null, to.Id, loan.Id, at, user.Name, $"Returned from loan {loan.Reference} ({loan.Institution})", batch));
        }

        return await ChangeLoaded(loan, version, l => l.Return(day), cancellationToken);
    }

    /// <summary>Where each of the loan's objects is now, and since when.</summary>
    private Task<IReadOnlyDictionary<int, Placement>> PlacementsOf(Loan loan, CancellationToken cancellationToken) =>
        new LocationQueries(db).PlacementsAsync([.. loan.Objects.Select(o => o.ArtifactId)], cancellationToken);

    private DateOnly Today => calendar.Today;

    /// <summary>
    /// When a move dated <paramref name="day"/> (the institution's day) is recorded: now if the day is today, noon of an
    /// earlier day there; and in any case after the objects' last moves on that same day, so a dispatch dated the day
    /// the objects were moved (an afternoon move, then the van) and a return dated the day they left keep the order
    /// things happened in.
    /// </summary>
    private DateTime MovedAt(DateOnly day, IEnumerable<Placement> lastMoves)
    {
        var at = day == calendar.Today ? clock.GetUtcNow().UtcDateTime : calendar.ToUtc(day, new TimeOnly(12, 0));
        foreach (var since in lastMoves.Select(p => p.Since))
        {
            if (calendar.DayOf(since) == day && since >= at)
                at = DateTime.SpecifyKind(since, DateTimeKind.Utc).AddMilliseconds(1);
        }

        return at;
    }

    private Task<Exhibition?> LoadExhibition(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return db.Exhibitions.Include(e => e.Venues).Include(e => e.Objects).SingleOrDefaultAsync(e => e.Code == normalized, cancellationToken);
    }

    private Task<Loan?> LoadLoan(string reference, CancellationToken cancellationToken) =>
        db.Loans.Include(l => l.Objects).ThenInclude(o => o.Artifact).SingleOrDefaultAsync(l => l.Reference == reference, cancellationToken);

    private async Task<CommandResult<Loan>> ChangeLoan(string reference, int version, Action<Loan> change, CancellationToken cancellationToken)
    {
        var loan = await LoadLoan(reference, cancellationToken);
        return loan is null ? CommandResult<Loan>.NotFound($"There is no loan {reference}.") : await ChangeLoaded(loan, version, change, cancellationToken);
    }

    private async Task<CommandResult<Loan>> ChangeLoaded(Loan loan, int version, Action<Loan> change, CancellationToken cancellationToken)
    {
        if (loan.Version != version)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Loan>.Conflict($"{loan.Reference} was changed by {loan.UpdatedBy} at {calendar.Time(loan.UpdatedAt)} after you opened it. Nothing was saved: reload and try again.");
        }

        db.Entry(loan).Property(l => l.Version).OriginalValue = version;
        return await Save(() =>
        {
            change(loan);
            return loan;
        }, cancellationToken);
    }

    private async Task<CommandResult<T>> Save<T>(Func<T> change, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var entity = change();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<T>.Success(entity);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<T>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<T>.Conflict("This record was changed by someone else after you opened it. Nothing was saved: reload and try again.");
        }
    }

    private async Task<string> NextLoanReferenceAsync(CancellationToken cancellationToken)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"LN-{Today.Year}-");
        var references = await db.Loans.Where(l => l.Reference.StartsWith(stem)).Select(l => l.Reference).ToListAsync(cancellationToken);
        var highest = references.Select(r => int.TryParse(r.AsSpan(stem.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{stem}{highest + 1:0000}");
    }

    private CommandResult<Exhibition> Conflict(Exhibition current) => CommandResult<Exhibition>.Conflict(
        $"{current.Code} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
}
