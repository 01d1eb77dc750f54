using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Admin.Vocabularies;

/// <summary>Create a term (no id) or edit one.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(VocabularyQueries queries, VocabularyCommands commands, Catalogue.Core.Audit.HistoryQueries history, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveTermCommand Input { get; set; } = new();

    public IReadOnlyList<Catalogue.Core.Audit.HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, Vocabulary? vocabulary, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input.Vocabulary = vocabulary is { } v && Enum.IsDefined(v) ? v : Vocabulary.ObjectType;
            return Page();
        }

        var term = await queries.FindAsync(id.Value, cancellationToken);
        if (term is null)
            return NotFound();
        Input = new SaveTermCommand
        {
            Id = term.Id,
            Vocabulary = term.Vocabulary,
            Code = term.Code,
            LabelVi = term.Label.Vi,
            LabelFr = term.Label.Fr,
            LabelEn = term.Label.En,
            AatId = term.AatId,
            StartYear = term.StartYear,
            EndYear = term.EndYear,
            SortOrder = term.SortOrder,
            Version = term.Version,
        };
        History = await history.ForRecordAsync("Term", $"{term.Vocabulary}/{term.Code}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Input.Id = id;
        if (!ModelState.IsValid)
            return Page();
        var result = await commands.SaveAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = l["The term {0} was saved.", result.Value!.Code].Value;
            return RedirectToPage("Index", new { vocabulary = result.Value.Vocabulary });
        }

        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
