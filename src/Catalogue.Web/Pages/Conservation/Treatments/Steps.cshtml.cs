using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>Add a step (no step id), edit one, or remove one, until the treatment is completed.</summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class StepsModel(ConservationCommands commands, ConservationQueries queries, VocabularyQueries vocabularies, InstitutionCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    private const int BlankMaterialRows = 3;

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? StepId { get; set; }

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public int Version { get; private set; }
    public IReadOnlyList<VocabularyTerm> StepTypes { get; private set; } = [];

    /// <summary>Whether the work has started: before, a step is planned, and who did it, when and for how long are not asked.</summary>
    public bool Started { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        if (!treatment.StepsEditable)
            return TreatmentAction.Outcome(this, Reference, CommandResult<Treatment>.Invalid("Steps", l["The steps of {0} can no longer change.", Reference]), string.Empty);
        Started = treatment.StartedOn is not null;
        if (StepId is { } id)
        {
            var step = treatment.Steps.SingleOrDefault(s => s.Id == id);
            if (step is null)
                return NotFound();
            Input = StepInput.From(step);
        }
        else
        {
            Input = Started ? new StepInput { PerformedBy = User.Identity?.Name, PerformedOn = calendar.Today } : new StepInput();
        }

        Version = treatment.Version;
        await Prepare(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int version, CancellationToken cancellationToken)
    {
        if (await RefusedForItsStage(cancellationToken) is { } refused)
            return refused;
        if (ModelState.IsValid)
        {
            var result = StepId is { } id
                ? await commands.ReviseStepAsync(Reference, version, id, Input, cancellationToken)
                : await commands.AddStepAsync(Reference, version, Input, cancellationToken);
            if (result.Succeeded || result.Failure is FailureKind.NotFound or FailureKind.Conflict)
                return TreatmentAction.Outcome(this, Reference, result, l["The step was saved."]);
            ModelState.AddErrors(result.Errors);
        }

        Version = version;
        await Prepare(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int version, CancellationToken cancellationToken)
    {
        if (await RefusedForItsStage(cancellationToken) is { } refused)
            return refused;
        return StepId is { } id
            ? TreatmentAction.Outcome(this, Reference, await commands.RemoveStepAsync(Reference, version, id, cancellationToken), l["The step was removed."])
            : NotFound();
    }

    /// <summary>Not found, or refused because the treatment is past the stages where steps change; null when the change may go ahead.</summary>
    private async Task<IActionResult?> RefusedForItsStage(CancellationToken cancellationToken)
    {
        var treatment = await queries.TreatmentAsync(Reference, cancellationToken);
        if (treatment is null)
            return NotFound();
        Started = treatment.StartedOn is not null; // for the form, should it be drawn again
        return treatment.StepsEditable ? null : TreatmentAction.RefusedForItsStage(this, treatment, l);
    }

    private async Task Prepare(CancellationToken cancellationToken)
    {
        while (Input.Materials.Count(m => m.IsBlank) < BlankMaterialRows)
            Input.Materials.Add(new MaterialInput());
        StepTypes = await vocabularies.ListAsync(Vocabulary.TreatmentStep, cancellationToken);
    }
}
