using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Support;

/// <summary>The damage and treatment-step terms a conservation test refers to by meaning.</summary>
public sealed record ConservationTerms(
    VocabularyTerm Crack,
    VocabularyTerm Loss,
    VocabularyTerm Corrosion,
    VocabularyTerm Cleaning,
    VocabularyTerm Consolidation,
    VocabularyTerm AdhesiveJoin);

/// <summary>A staff account a scope can act as: its display name on records and its user id for role checks.</summary>
public sealed record StaffMember(string Name, string Id);

/// <summary>
/// Condition reports and treatments through the real commands, each call in its own scope acting as
/// one person, so versions, history and attribution are exactly what a page would get.
/// </summary>
public static class ConservationSetup
{
    public const string Accession = "TL.2023.0142";
    public const string Examiner = "Nguyễn Thị Hoa";

    /// <summary>The date the commands read from the clock (UTC).</summary>
    public static DateOnly Today => TestCatalogue.Today;

    public static async Task<ConservationTerms> SeedConservationTermsAsync(this TestCatalogue catalogue) => new(
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.Damage, "crack").WithLabels("Vết nứt", "Fissure", "Crack")),
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.Damage, "loss").WithLabels("Mất mảnh", "Lacune", "Loss")),
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.Damage, "corrosion").WithLabels("Ăn mòn", "Corrosion", "Corrosion")),
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.TreatmentStep, "cleaning").WithLabels("Làm sạch", "Nettoyage", "Cleaning")),
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.TreatmentStep, "consolidation").WithLabels("Gia cố", "Consolidation", "Consolidation")),
        await catalogue.CreateTermAsync(new TermBuilder(Vocabulary.TreatmentStep, "adhesive-join").WithLabels("Gắn", "Collage", "Adhesive join")));

    /// <summary>A staff account with <paramref name="role"/>; a senior conservator also gets the claim.</summary>
    public static async Task<StaffMember> CreateStaffAsync(this TestCatalogue catalogue, string email, string role, bool senior = false)
    {
        var user = await catalogue.CreateUserAsync(email, role);
        if (senior)
        {
            await using var scope = catalogue.As("admin@catalogue.test");
            var result = await scope.Get<UserAdministration>().SetSeniorConservatorAsync(user.Id, true);
            Assert.That(result.Succeeded, Is.True, () => $"Marking the senior conservator failed: {TestCatalogue.Describe(result.Errors)}");
        }

        return new StaffMember(email, user.Id);
    }

    /// <summary>Runs one conservation command acting as <paramref name="who"/>.</summary>
    public static async Task<CommandResult<T>> AsAsync<T>(this TestCatalogue catalogue, StaffMember who, Func<ConservationCommands, Task<CommandResult<T>>> command)
    {
        await using var scope = catalogue.As(who.Name, who.Id);
        return await command(scope.Get<ConservationCommands>());
    }

    /// <summary>Runs one conservation command acting as a named person without an account (the command line, an import).</summary>
    public static async Task<CommandResult<T>> AsAsync<T>(this TestCatalogue catalogue, string userName, Func<ConservationCommands, Task<CommandResult<T>>> command)
    {
        await using var scope = catalogue.As(userName);
        return await command(scope.Get<ConservationCommands>());
    }

    /// <summary>A valid report of a good object, examined on <paramref name="examinedOn"/> (a year ago by default).</summary>
    public static ConditionReportInput Report(string accession = Accession, DateOnly? examinedOn = null) => new()
    {
        AccessionNumber = accession,
        ExaminedOn = examinedOn ?? Today.AddYears(-1),
        Examiner = Examiner,
        Purpose = ConditionCheckPurpose.Routine,
        Overall = OverallCondition.Good,
        Priority = ConservationPriority.Low,
    };

    public static ObservationInput Observation(VocabularyTerm damage, string? location, DamageSeverity severity = DamageSeverity.Minor, string? notes = null) =>
        new() { DamageTypeId = damage.Id, Location = location, Severity = severity, Notes = notes };

    public static TreatmentInput Proposal(string accession = Accession, string title = "Clean and consolidate the glaze") => new()
    {
        AccessionNumber = accession,
        Title = title,
        Proposal = "Remove soil deposits with deionised water; consolidate flaking glaze at the rim.",
        Conservators = "Nguyễn Thị Hoa, Claire Martin",
        ConditionBefore = "Soil deposits on the foot; glaze flaking along 3 cm of the rim.",
    };

    public static StepInput Step(VocabularyTerm type, string? description = null, params MaterialInput[] materials) => new()
    {
        StepTypeId = type.Id,
        Description = description,
        PerformedBy = Examiner,
        PerformedOn = Today,
        MinutesSpent = 90,
        Notes = "Worked under magnification.",
        Materials = [.. materials],
    };

    public static MaterialInput Material(string product, string? concentration = null, string? solvent = null, string? batch = null) =>
        new() { Product = product, Concentration = concentration, Solvent = solvent, Batch = batch };

    public static async Task<ConditionReport> CreateReportAsync(this TestCatalogue catalogue, ConditionReportInput input, string userName = Examiner)
    {
        var result = await catalogue.AsAsync(userName, c => c.CreateReportAsync(input));
        ExcavationSetup.AssertSucceeded(result, "Creating the condition report");
        return result.Value!;
    }

    /// <summary>Proposes a treatment as <paramref name="conservator"/>; fails the test if it is refused.</summary>
    public static async Task<string> ProposeTreatmentAsync(this TestCatalogue catalogue, StaffMember conservator, TreatmentInput? proposal = null)
    {
        var result = await catalogue.AsAsync(conservator, c => c.ProposeAsync(proposal ?? Proposal()));
        ExcavationSetup.AssertSucceeded(result, "Proposing the treatment");
        return result.Value!.Reference;
    }

    /// <summary>
    /// Proposes a treatment and takes it through the legal transitions up to <paramref name="status"/>: the curator
    /// approves and signs off, the conservator starts, records one cleaning step (unless told not to) and completes.
    /// </summary>
    public static async Task<string> TreatmentAtAsync(this TestCatalogue catalogue, TreatmentStatus status, StaffMember curator, StaffMember conservator,
        StepInput? step, TreatmentInput? proposal = null)
    {
        var reference = await catalogue.ProposeTreatmentAsync(conservator, proposal);
        var version = 1;

        async Task Do(StaffMember who, Func<ConservationCommands, Task<CommandResult<Treatment>>> command, string what)
        {
            var result = await catalogue.AsAsync(who, command);
            ExcavationSetup.AssertSucceeded(result, what);
            version = result.Value!.Version;
        }

        if (status >= TreatmentStatus.Approved)
            await Do(curator, c => c.ApproveAsync(reference, version), "Approving");
        if (status >= TreatmentStatus.InProgress)
            await Do(conservator, c => c.StartAsync(reference, version), "Starting");
        if (status >= TreatmentStatus.InProgress && step is not null)
            await Do(conservator, c => c.AddStepAsync(reference, version, step), "Adding a step");
        if (status >= TreatmentStatus.Completed)
            await Do(conservator, c => c.CompleteAsync(reference, version, "Stable; rim consolidated.", "Successful"), "Completing");
        if (status >= TreatmentStatus.SignedOff)
            await Do(curator, c => c.SignOffAsync(reference, version), "Signing off");
        return reference;
    }

    /// <summary>The stored report with its observations and their damage terms, read in a fresh scope.</summary>
    public static async Task<ConditionReport?> ReadReportAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<ConservationQueries>().ReportAsync(reference);
    }

    /// <summary>The stored treatment with its steps, materials and amendments, read in a fresh scope.</summary>
    public static async Task<Treatment?> ReadTreatmentAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<ConservationQueries>().TreatmentAsync(reference);
    }

    /// <summary>A treatment's history with that of its steps, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryItem>> TreatmentHistoryAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<HistoryQueries>().ForRecordWithPartsAsync(Treatment.AuditType, TreatmentStep.AuditType, reference);
    }

    public static async Task<IReadOnlyList<HistoryItem>> ReportHistoryAsync(this TestCatalogue catalogue, string reference)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<HistoryQueries>().ForRecordAsync(ConditionReport.AuditType, reference);
    }

    public static async Task<int> CountAuditEntriesAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Db.AuditEntries.CountAsync();
    }

    public static async Task<AuditVerification> VerifyAuditAsync(this TestCatalogue catalogue)
    {
        await using var scope = catalogue.As("reader");
        return await scope.Get<AuditChain>().VerifyAsync();
    }
}
