using System.Globalization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Users;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

/// <summary>
/// Condition reports and treatments. Every entry is attributed to the acting user and dated; the treatment's
/// state machine lives on <see cref="Treatment"/>, so the same rules hold for pages, API and imports.
/// </summary>
public sealed class ConservationCommands(
    CatalogueDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    InstitutionCalendar calendar,
    IValidator<ConditionReportInput> reportValidator,
    IValidator<StepInput> stepValidator,
    IValidator<TreatmentInput> treatmentValidator)
{
    private DateOnly Today => calendar.Today;

    /// <summary>Why the report can no longer change, or null while it may be corrected.</summary>
    public string? Closed(ConditionReport report) => report.IsOpenForCorrection(clock.GetUtcNow().UtcDateTime)
        ? null
        : $"{report.Reference} was recorded {calendar.Time(report.CreatedAt)}; a day after it is recorded a condition report is a permanent record and stands as written. Correct it with an amendment, or for a new assessment record a new condition report.";

    public async Task<CommandResult<ConditionReport>> CreateReportAsync(ConditionReportInput input, CancellationToken cancellationToken = default)
    {
        var validation = await reportValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<ConditionReport>.Invalid(validation);
        if (string.IsNullOrWhiteSpace(input.AccessionNumber))
            return CommandResult<ConditionReport>.Invalid(nameof(input.AccessionNumber), "Accession number is required: say which object was examined.");
        var artifact = await FindArtifact(input.AccessionNumber, cancellationToken);
        if (artifact is null)
            return CommandResult<ConditionReport>.NotFound($"No artifact has the accession number {input.AccessionNumber}.");
        var loan = await LoanOfAsync(input, artifact, null, cancellationToken);
        if (loan.Error is not null)
            return CommandResult<ConditionReport>.Invalid([loan.Error]);
        // Two reports saved at the same moment may draw the same number: the unique index refuses the second, which takes the next.
        for (var attempt = 1; ; attempt++)
        {
            var reference = await NextReferenceAsync("CR", input.ExaminedOn!.Value.Year, cancellationToken);
            var examined = artifact;
            var result = await Save(() =>
            {
                var report = new ConditionReport(reference, examined, input.ToDetails() with { LoanId = loan.Id });
                db.ConditionReports.Add(report);
                return report;
            }, cancellationToken);
            if (!IsReferenceTaken(result) || attempt == 3)
                return result;
            artifact = (await FindArtifact(input.AccessionNumber, cancellationToken))!;
        }
    }

    public async Task<CommandResult<ConditionReport>> UpdateReportAsync(string reference, ConditionReportInput input, CancellationToken cancellationToken = default)
    {
        var validation = await reportValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<ConditionReport>.Invalid(validation);
        var report = await db.ConditionReports.Include(r => r.Observations).Include(r => r.Artifact).SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        if (report is null)
            return CommandResult<ConditionReport>.NotFound($"No condition report has the reference {reference}.");
        if (Closed(report) is { } closed)
            return CommandResult<ConditionReport>.Invalid("Report", closed);
        if (report.Version != input.Version)
            return Conflict<ConditionReport>(report.Reference, report.UpdatedBy, report.UpdatedAt);
        var loan = await LoanOfAsync(input, report.Artifact!, report.LoanId, cancellationToken);
        if (loan.Error is not null)
            return CommandResult<ConditionReport>.Invalid([loan.Error]);
        db.Entry(report).Property(r => r.Version).OriginalValue = input.Version;
        return await Save(() =>
        {
            // The form may not carry the loan: an edit must not silently detach a loan check from its loan.
            report.Revise(input.ToDetails() with { LoanId = loan.Id });
            return report;
        }, cancellationToken);
    }

    public async Task<CommandResult<Treatment>> ProposeAsync(TreatmentInput input, CancellationToken cancellationToken = default)
    {
        var validation = await treatmentValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Treatment>.Invalid(validation);
        if (string.IsNullOrWhiteSpace(input.AccessionNumber))
            return CommandResult<Treatment>.Invalid(nameof(input.AccessionNumber), "Accession number is required: say which object the treatment is for.");
        var artifact = await FindArtifact(input.AccessionNumber, cancellationToken);
        if (artifact is null)
            return CommandResult<Treatment>.NotFound($"No artifact has the accession number {input.AccessionNumber}.");
        var today = Today;
        for (var attempt = 1; ; attempt++)
        {
            var reference = await NextReferenceAsync("TR", today.Year, cancellationToken);
            var treated = artifact;
            var result = await Save(() =>
            {
                var treatment = new Treatment(reference, treated, input.ToDetails(), user.Name, today);
                db.Treatments.Add(treatment);
                return treatment;
            }, cancellationToken);
            if (!IsReferenceTaken(result) || attempt == 3)
                return result;
            artifact = (await FindArtifact(input.AccessionNumber, cancellationToken))!;
        }
    }

    public async Task<CommandResult<Treatment>> ReviseAsync(string reference, TreatmentInput input, CancellationToken cancellationToken = default)
    {
        var validation = await treatmentValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Treatment>.Invalid(validation);
        return await Change(reference, input.Version, t => t.Revise(input.ToDetails()), cancellationToken);
    }

    public async Task<CommandResult<Treatment>> ApproveAsync(string reference, int version, string? comment = null, CancellationToken cancellationToken = default) =>
        await MayApproveAsync(cancellationToken)
            ? await Change(reference, version, t => t.Approve(user.Name, Today, comment), cancellationToken)
            : CommandResult<Treatment>.Invalid(nameof(Treatment.ApprovedBy), "Only a curator or a senior conservator may approve a treatment.");

    /// <summary>Sends a proposal back to its proposer with what it needs; the same people may do it as may approve.</summary>
    public async Task<CommandResult<Treatment>> ReturnForRevisionAsync(string reference, int version, string? comment, CancellationToken cancellationToken = default) =>
        await MayApproveAsync(cancellationToken)
            ? await Change(reference, version, t => t.ReturnForRevision(user.Name, Today, comment), cancellationToken)
            : CommandResult<Treatment>.Invalid(TreatmentReview.ReviewerField, "Only a curator or a senior conservator may return a treatment for revision.");

    public Task<CommandResult<Treatment>> StartAsync(string reference, int version, DateOnly? on = null, CancellationToken cancellationToken = default) =>
        Change(reference, version, t => t.Start(on ?? Today), cancellationToken);

    public Task<CommandResult<Treatment>> CompleteAsync(string reference, int version, string? conditionAfter, string? outcome, DateOnly? on = null, CancellationToken cancellationToken = default) =>
        Change(reference, version, t => t.Complete(on ?? Today, conditionAfter, outcome), cancellationToken);

    public async Task<CommandResult<Treatment>> SignOffAsync(string reference, int version, CancellationToken cancellationToken = default) =>
        await MayApproveAsync(cancellationToken)
            ? await Change(reference, version, t => t.SignOff(user.Name, Today), cancellationToken)
            : CommandResult<Treatment>.Invalid(nameof(Treatment.SignedOffBy), "Only a curator or a senior conservator may sign off a treatment.");

    public async Task<CommandResult<Treatment>> AddStepAsync(string reference, int version, StepInput input, CancellationToken cancellationToken = default)
    {
        var validation = await stepValidator.ValidateAsync(input, cancellationToken);
        return validation.IsValid
            ? await Change(reference, version, t => t.AddStep(input.ToDetails()), cancellationToken)
            : CommandResult<Treatment>.Invalid(validation);
    }

    public async Task<CommandResult<Treatment>> ReviseStepAsync(string reference, int version, int stepId, StepInput input, CancellationToken cancellationToken = default)
    {
        var validation = await stepValidator.ValidateAsync(input, cancellationToken);
        return validation.IsValid
            ? await Change(reference, version, t => t.ReviseStep(stepId, input.ToDetails()), cancellationToken)
            : CommandResult<Treatment>.Invalid(validation);
    }

    public Task<CommandResult<Treatment>> RemoveStepAsync(string reference, int version, int stepId, CancellationToken cancellationToken = default) =>
        Change(reference, version, t => t.RemoveStep(stepId), cancellationToken);

    /// <summary>
    /// Adds a correction to a condition report that stands as written (past its day of correction); amendments never
    /// conflict with each other, so no version is needed.
    /// </summary>
    public async Task<CommandResult<ConditionReport>> AmendReportAsync(string reference, string? reason, string? section, string? text, CancellationToken cancellationToken = default)
    {
        var report = await db.ConditionReports.Include(r => r.Amendments).SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        if (report is null)
            return CommandResult<ConditionReport>.NotFound($"No condition report has the reference {reference}.");
        return await Save(() =>
        {
            report.Amend(user.Name, clock.GetUtcNow().UtcDateTime, reason, section, text);
            return report;
        }, cancellationToken);
    }

    /// <summary>Adds a correction to a signed-off treatment; amendments never conflict with each other, so no version is needed.</summary>
    public async Task<CommandResult<Treatment>> AmendAsync(string reference, string? reason, string? section, string? text, CancellationToken cancellationToken = default)
    {
        var treatment = await LoadTreatment(reference, cancellationToken);
        if (treatment is null)
            return CommandResult<Treatment>.NotFound($"No treatment has the reference {reference}.");
        return await Save(() =>
        {
            treatment.Amend(user.Name, clock.GetUtcNow().UtcDateTime, reason, section, text);
            return treatment;
        }, cancellationToken);
    }

    private async Task<CommandResult<Treatment>> Change(string reference, int version, Action<Treatment> change, CancellationToken cancellationToken)
    {
        var treatment = await LoadTreatment(reference, cancellationToken);
        if (treatment is null)
            return CommandResult<Treatment>.NotFound($"No treatment has the reference {reference}.");
        if (treatment.Version != version)
            return Conflict<Treatment>(treatment.Reference, treatment.UpdatedBy, treatment.UpdatedAt);
        db.Entry(treatment).Property(t => t.Version).OriginalValue = version;
        return await Save(() =>
        {
            change(treatment);
            return treatment;
        }, cancellationToken);
    }

    /// <summary>Curators, admins and conservators holding the senior-conservator claim, as the web's approval policy says.</summary>
    private async Task<bool> MayApproveAsync(CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
            return false;
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync(cancellationToken);
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Curator))
            return true;
        return roles.Contains(Roles.Conservator) && await db.UserClaims.AnyAsync(
            c => c.UserId == userId && c.ClaimType == Roles.SeniorConservatorClaim && c.ClaimValue == "true", cancellationToken);
    }

    private Task<Treatment?> LoadTreatment(string reference, CancellationToken cancellationToken) =>
        db.Treatments.Include(t => t.Artifact).Include(t => t.Steps).Include(t => t.Amendments).Include(t => t.Reviews)
            .SingleOrDefaultAsync(t => t.Reference == reference, cancellationToken);

    private async Task<CommandResult<T>> Save<T>(Func<T> change, CancellationToken cancellationToken) where T : class, ITrackedEntity
    {
        T entity;
        try
        {
            entity = change();
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
            return CommandResult<T>.Conflict("This record was changed by someone else after you opened it. Nothing was saved: reload it and make your change again.");
        }
        catch (DbUpdateException)
        {
            // The one unique rule a valid save can break: a reference another save took at the same moment.
            db.ChangeTracker.Clear();
            return CommandResult<T>.Invalid(ReferenceTaken, "Another record took the same reference at the same moment. Nothing was saved: save again.");
        }
    }

    private const string ReferenceTaken = "Reference";

    private static bool IsReferenceTaken<T>(CommandResult<T> result) => result.Errors.Any(e => e.Field == ReferenceTaken);

    private Task<Artifact?> FindArtifact(string? accessionNumber, CancellationToken cancellationToken)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber ?? string.Empty);
        return db.Artifacts.SingleOrDefaultAsync(a => a.AccessionNumber == normalized, cancellationToken);
    }

    /// <summary>The loan a check belongs to: it must exist, hold the object, and the purpose must be a loan stage.</summary>
    private async Task<(int? Id, FieldError? Error)> LoanOfAsync(ConditionReportInput input, Artifact artifact, int? current, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.LoanReference))
            return (current, null);
        var reference = input.LoanReference.Trim().ToUpperInvariant();
        var loan = await db.Loans.Where(l => l.Reference == reference)
            .Select(l => new { l.Id, Holds = l.Objects.Any(o => o.ArtifactId == artifact.Id) }).SingleOrDefaultAsync(cancellationToken);
        if (loan is null)
            return (null, new FieldError(nameof(input.LoanReference), $"There is no loan {reference}."));
        if (!loan.Holds)
            return (null, new FieldError(nameof(input.LoanReference), $"{artifact.AccessionNumber} is not on loan {reference}."));
        if (input.Purpose is not (ConditionCheckPurpose.LoanDeparture or ConditionCheckPurpose.LoanArrival or ConditionCheckPurpose.LoanBeforeReturn or ConditionCheckPurpose.LoanReturn))
            return (null, new FieldError(nameof(input.Purpose), "A check for a loan has a loan purpose: departure, arrival, before return or return."));
        return (loan.Id, null);
    }

    /// <summary>CR-2026-0001, CR-2026-0002, ... (the unique index refuses a duplicate if two saves race).</summary>
    private async Task<string> NextReferenceAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-");
        var references = prefix == "CR"
            ? await db.ConditionReports.Where(r => r.Reference.StartsWith(stem)).Select(r => r.Reference).ToListAsync(cancellationToken)
            : await db.Treatments.Where(t => t.Reference.StartsWith(stem)).Select(t => t.Reference).ToListAsync(cancellationToken);
        var highest = references.Select(r => int.TryParse(r.AsSpan(stem.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{stem}{highest + 1:0000}");
    }

    private CommandResult<T> Conflict<T>(string reference, string by, DateTime at) => CommandResult<T>.Conflict(
        $"{reference} was changed by {by} at {calendar.Time(at)} after you opened it. Nothing was saved: reload it and make your change again.");
}
