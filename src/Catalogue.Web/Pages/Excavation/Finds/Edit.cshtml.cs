using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Finds;

[Authorize(Policy = Policies.RecordExcavation)]
public sealed class EditModel(FindCommands commands, ExcavationQueries queries, VocabularyQueries vocabularies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    [BindProperty]
    public SaveFindCommand Input { get; set; } = new();

    public IReadOnlyList<VocabularyTerm> Materials { get; private set; } = [];
    public IReadOnlyList<VocabularyTerm> ObjectTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var find = await queries.FindFindAsync(Number, cancellationToken);
        if (find is null)
            return NotFound();
        Input = new SaveFindCommand
        {
            FindNumber = find.FindNumber, SiteCode = find.Context!.SiteCode, ContextNumber = find.Context.Number,
            MaterialId = find.MaterialId, ObjectTypeId = find.ObjectTypeId, Count = find.Count, WeightGrams = find.WeightGrams,
            X = find.X, Y = find.Y, Z = find.Z, FoundOn = find.FoundOn, RecordedBy = find.RecordedBy, Notes = find.Notes, Version = find.Version,
        };
        await LoadLists(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var find = await queries.FindFindAsync(Number, cancellationToken);
        if (find is null)
            return NotFound();
        Input.FindNumber = find.FindNumber;
        Input.SiteCode = find.Context!.SiteCode;
        Input.ContextNumber = find.Context.Number;
        if (ModelState.IsValid)
        {
            var result = await commands.UpdateAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Find {0} was saved.", find.FindNumber].Value;
                return Redirect($"~/Excavation/Finds/Details/{find.FindNumber}");
            }

            if (result.Failure == FailureKind.Conflict)
                Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddErrors(result.Errors);
        }

        await LoadLists(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        var result = await commands.DiscardAsync(Find.NormalizeNumber(Number), cancellationToken);
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            TempData["Message"] = l["Find {0} is marked as discarded.", result.Value!.FindNumber].Value;
        else
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"~/Excavation/Finds/Details/{Find.NormalizeNumber(Number)}");
    }

    private async Task LoadLists(CancellationToken cancellationToken)
    {
        Materials = await vocabularies.ListAsync(Vocabulary.Material, cancellationToken);
        ObjectTypes = await vocabularies.ListAsync(Vocabulary.ObjectType, cancellationToken);
    }
}
