using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation.Reports;

[Authorize(Policy = Policies.Conserve)]
public sealed class CreateModel(ConservationCommands commands, ArtifactQueries artifacts, VocabularyQueries vocabularies, InstitutionCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int BlankRows = 4;

    [BindProperty]
    public ConditionReportInput Input { get; set; } = new();

    public IReadOnlyList<VocabularyTerm> Damages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? artifact, string? loan, ConditionCheckPurpose? purpose, CancellationToken cancellationToken)
    {
        var found = artifact is null ? null : await artifacts.GetAsync(artifact, publishedOnly: false, cancellationToken);
        if (found is null)
            return NotFound();
        Input = new ConditionReportInput
        {
            AccessionNumber = found.AccessionNumber,
            ExaminedOn = calendar.Today,
            Examiner = User.Identity?.Name,
            LoanReference = loan,
            Purpose = purpose is { } p && Enum.IsDefined(p) ? p : ConditionCheckPurpose.Routine,
            Observations = Enumerable.Range(0, BlankRows).Select(_ => new ObservationInput()).ToList(),
        };
        Damages = await vocabularies.ListAsync(Vocabulary.Damage, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.CreateReportAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Condition report {0} was saved.", result.Value!.Reference].Value;
                return Redirect($"~/Conservation/Reports/Details/{result.Value.Reference}");
            }

            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            ModelState.AddErrors(result.Errors);
        }

        while (Input.Observations.Count < BlankRows)
            Input.Observations.Add(new ObservationInput());
        Damages = await vocabularies.ListAsync(Vocabulary.Damage, cancellationToken);
        return Page();
    }
}
