using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Reports;

/// <summary>Corrects a condition report; every change is kept in its history with who and when.</summary>
[Authorize(Policy = Policies.Conserve)]
public sealed class EditModel(ConservationCommands commands, ConservationQueries queries, VocabularyQueries vocabularies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    [BindProperty]
    public ConditionReportInput Input { get; set; } = new();

    public IReadOnlyList<VocabularyTerm> Damages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(Reference, cancellationToken);
        if (report is null)
            return NotFound();
        if (commands.Closed(report) is { } closed)
        {
            TempData["Error"] = closed;
            return Redirect($"~/Conservation/Reports/Details/{report.Reference}");
        }

        Input = ConditionReportInput.From(report);
        await Prepare(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.UpdateReportAsync(Reference, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Condition report {0} was saved.", Reference].Value;
                return Redirect($"~/Conservation/Reports/Details/{Reference}");
            }

            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            if (result.Failure == FailureKind.Conflict)
                Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddErrors(result.Errors);
        }

        await Prepare(cancellationToken);
        return Page();
    }

    private async Task Prepare(CancellationToken cancellationToken)
    {
        // Two blank rows to add damage; a form shown again after a refusal keeps what was typed without growing.
        var blank = Input.Observations.Count(o => o.IsBlank);
        for (var i = blank; i < 2; i++)
            Input.Observations.Add(new ObservationInput());
        Damages = await vocabularies.ListAsync(Vocabulary.Damage, cancellationToken);
    }
}
