using System.Globalization;
using System.Net;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Excavation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Pages.Conservation;

/// <summary>
/// Artifacts, condition reports and treatments recorded through the app's own commands (each in its own scope, as a request
/// would), for tests whose subject is a later stage; each stage is done by a named person, so the approver is never the proposer.
/// </summary>
public sealed class ConservationRecords(IServiceProvider services)
{
    public const string Proposer = "Proposing Conservator";
    public const string Approver = "Approving Curator";

    private static int nextArtifact;

    /// <summary>An accession number no sample uses and no other test has taken.</summary>
    public static string NewAccessionNumber() => $"WC.2025.{Interlocked.Increment(ref nextArtifact):D4}";

    /// <summary>Records an artifact (a draft unless told) with an English title and returns its accession number.</summary>
    public async Task<string> ArtifactAsync(string title = "Glazed roof tile", PublicationStatus status = PublicationStatus.Draft)
    {
        var accessionNumber = NewAccessionNumber();
        await InScopeAsync(async scope =>
        {
            var db = scope.GetRequiredService<CatalogueDbContext>();
            var objectType = await db.Terms.Where(t => t.Vocabulary == Vocabulary.ObjectType).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            var result = await scope.GetRequiredService<ArtifactCommands>().CreateAsync(new CreateArtifactCommand
            {
                AccessionNumber = accessionNumber, ObjectTypeId = objectType, TitleEn = title, Status = status,
            });
            Expect(result.Succeeded, $"creating artifact {accessionNumber}", result.Errors);
        });
        return accessionNumber;
    }

    /// <summary>Records a condition report and returns its reference.</summary>
    public async Task<string> ReportAsync(string accessionNumber, DateOnly examinedOn, ConservationPriority priority = ConservationPriority.Low,
        DateOnly? nextCheckDue = null, OverallCondition overall = OverallCondition.Good, string examiner = "Examining Conservator")
    {
        var damage = overall == OverallCondition.Good ? null : (int?)(await TermAsync(Vocabulary.Damage, "crack")).Id;
        CommandResult<ConditionReport> result = null!;
        await InScopeAsync(async scope => result = await Commands(scope, examiner).CreateReportAsync(new ConditionReportInput
        {
            AccessionNumber = accessionNumber, ExaminedOn = examinedOn, Examiner = examiner, Overall = overall, Priority = priority,
            NextCheckDue = nextCheckDue,
            Observations = damage is null ? [] : [new ObservationInput { DamageTypeId = damage, Location = "rim" }],
        }));
        Expect(result.Succeeded, $"recording a condition report of {accessionNumber}", result.Errors);
        return result.Value!.Reference;
    }

    /// <summary>
    /// A treatment of the artifact taken to the given stage: proposed by <see cref="Proposer"/>, approved by <see cref="Approver"/>,
    /// started today with one step, completed with an outcome, signed off by the approver.
    /// </summary>
    public async Task<string> TreatmentAsync(string accessionNumber, TreatmentStatus stage, string title = "Desalination and consolidation")
    {
        var step = (await TermAsync(Vocabulary.TreatmentStep, "desalination")).Id;
        await EnsureApproverAsync();
        string reference = string.Empty;
        await Stage(Proposer, (c, _) => c.ProposeAsync(new TreatmentInput { AccessionNumber = accessionNumber, Title = title, Proposal = "Soak in deionised water." }), "proposing");
        if (stage >= TreatmentStatus.Approved)
            await Stage(Approver, (c, v) => c.ApproveAsync(reference, v), "approving");
        if (stage >= TreatmentStatus.InProgress)
        {
            await Stage(Proposer, (c, v) => c.StartAsync(reference, v), "starting");
            await Stage(Proposer, (c, v) => c.AddStepAsync(reference, v, new StepInput
            {
                StepTypeId = step, PerformedBy = Proposer, Description = "Baths of deionised water",
                Materials = [new MaterialInput { Product = "Deionised water" }],
            }), "adding a step");
        }

        if (stage >= TreatmentStatus.Completed)
            await Stage(Proposer, (c, v) => c.CompleteAsync(reference, v, "Stable", "Salts reduced"), "completing");
        if (stage >= TreatmentStatus.SignedOff)
            await Stage(Approver, (c, v) => c.SignOffAsync(reference, v), "signing off");
        return reference;

        async Task Stage(string who, Func<ConservationCommands, int, Task<CommandResult<Treatment>>> change, string what)
        {
            CommandResult<Treatment> result = null!;
            await InScopeAsync(async scope =>
            {
                var version = reference.Length == 0 ? 0
                    : await scope.GetRequiredService<CatalogueDbContext>().Treatments.Where(t => t.Reference == reference).Select(t => t.Version).SingleAsync();
                result = await change(Commands(scope, who), version);
            });
            Expect(result.Succeeded, $"{what} treatment {reference} of {accessionNumber}", result.Errors);
            reference = result.Value!.Reference;
        }
    }

    /// <summary>A term of the sample vocabularies, by its code (e.g. "crack", "desalination").</summary>
    public async Task<VocabularyTerm> TermAsync(Vocabulary vocabulary, string code)
    {
        VocabularyTerm? term = null;
        await InScopeAsync(async scope => term = await scope.GetRequiredService<CatalogueDbContext>().Terms.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Vocabulary == vocabulary && t.Code == code));
        return term ?? throw new AssertionException($"The sample vocabularies have no {vocabulary} term '{code}'; these tests need it.");
    }

    private string? approverId;

    /// <summary>The approver acts as a real curator account (Core checks the role of whoever approves); others by name only.</summary>
    private ConservationCommands Commands(IServiceProvider scope, string who) =>
        ActivatorUtilities.CreateInstance<ConservationCommands>(scope, new FixedCurrentUser(who, who == Approver ? approverId : null));

    private async Task EnsureApproverAsync()
    {
        if (approverId is not null)
            return;
        await InScopeAsync(async scope =>
        {
            var email = $"approving-curator-{Guid.NewGuid():N}@catalogue.test";
            var created = await scope.GetRequiredService<UserAdministration>().CreateAsync(new CreateUserCommand
            {
                Email = email, DisplayName = Approver, Role = Roles.Curator, Password = "approving-curator-test-1",
            });
            Expect(created.Succeeded, "creating the approving curator", created.Errors);
            approverId = created.Value!.Id;
        });
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static void Expect(bool succeeded, string what, IEnumerable<FieldError> errors)
    {
        if (!succeeded)
            throw new AssertionException($"Test setup failed {what}: {string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}

/// <summary>Filling in the conservation forms the way a conservator does, and reading what the pages answer.</summary>
public static class ConservationForms
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => CatalogueFactory.Today;

    /// <summary>The new-report form of an artifact as the page proposes it (examiner and date filled in), the object found in good condition.</summary>
    public static async Task<HtmlForm> ReportFormAsync(this HttpClient client, string accessionNumber) =>
        (await client.GetFormAsync($"/Conservation/Reports/Create?artifact={accessionNumber}", "#report-form")).Set("Input.Overall", nameof(OverallCondition.Good));

    /// <summary>Posts a form that must land on a record's page under <paramref name="pathPrefix"/>; returns the last segment (the reference).</summary>
    public static async Task<string> SubmitExpectingRecordAsync(this HttpClient client, HtmlForm form, string pathPrefix)
    {
        using var response = await client.SubmitAsync(form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = (await response.ReadHtmlAsync()).Text();
            Assert.Fail($"Expected a redirect under {pathPrefix} but got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 1500)]}");
        }

        var path = response.RedirectTarget(client.BaseAddress!)!.AbsolutePath;
        Assert.That(path, Does.StartWith(pathPrefix));
        return path[pathPrefix.Length..];
    }

    /// <summary>Proposes a treatment through the form and returns its reference.</summary>
    public static async Task<string> ProposeTreatmentAsync(this HttpClient client, string accessionNumber, string title, params (string Name, string Value)[] fields)
    {
        var form = (await client.GetFormAsync($"/Conservation/Treatments/Propose?artifact={accessionNumber}", "#treatment-form")).Set("Input.Title", title);
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return await client.SubmitExpectingRecordAsync(form, "/Conservation/Treatments/Details/");
    }

    /// <summary>Posts a form on the treatment's details page (approve, start, sign off) and checks it returns to the record.</summary>
    public static async Task ActOnDetailsPageAsync(this HttpClient client, string reference, string formSelector)
    {
        var form = await client.GetFormAsync($"/Conservation/Treatments/Details/{reference}", formSelector);
        using var response = await client.SubmitAsync(form);
        await response.ExpectRedirectAsync(client, $"/Conservation/Treatments/Details/{reference}");
    }

    /// <summary>
    /// What the page says about a field: the message beside it, then the form's summary (where a row of a list, such as
    /// one observation or one material, has its message).
    /// </summary>
    public static string MessageFor(this AngleSharp.Dom.IDocument page, string field) =>
        $"{page.FieldMessage(field)} {page.QuerySelector(".validation-summary-errors")?.Collapsed()}".Trim();

    /// <summary>The message the record page shows after an action (the confirmation or the reason it was refused).</summary>
    public static async Task<string> FlashOnDetailsAsync(this HttpClient client, string reference)
    {
        var page = await client.GetPageAsync($"/Conservation/Treatments/Details/{reference}");
        return string.Join(" ", page.QuerySelectorAll("[role=alert], [role=status]").Select(e => e.Collapsed()));
    }
}
