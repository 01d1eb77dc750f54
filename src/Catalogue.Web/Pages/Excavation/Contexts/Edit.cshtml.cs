using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Contexts;

/// <summary>Record a new context of a site (no number in the address), or edit one.</summary>
[Authorize(Policy = Policies.RecordExcavation)]
public sealed class EditModel(ContextCommands commands, ExcavationQueries queries, VocabularyQueries vocabularies, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "site")]
    public string SiteCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? Number { get; set; }

    [BindProperty]
    public SaveContextCommand Input { get; set; } = new();

    public Site Site { get; private set; } = null!;
    public IReadOnlyList<VocabularyTerm> Periods { get; private set; } = [];
    public bool IsNew => Number is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        if (IsNew)
        {
            Input = new SaveContextCommand { SiteCode = Site.Code, Number = await commands.NextNumberAsync(Site.Code, cancellationToken) };
            return Page();
        }

        var context = await queries.FindContextAsync(Site.Code, Number!.Value, cancellationToken);
        if (context is null)
            return NotFound();
        Input = SaveContextCommand.From(context);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        Input.SiteCode = Site.Code;
        if (!IsNew)
            Input.Number = Number;
        if (!ModelState.IsValid)
            return Page();
        var result = await commands.SaveAsync(Input, IsNew, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = l["Context {0} was saved.", result.Value!.Label].Value;
            return Redirect($"~/Excavation/Contexts/Details/{Site.Code}/{result.Value.Number}");
        }

        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var site = await queries.FindSiteAsync(SiteCode, cancellationToken);
        if (site is null)
            return false;
        Site = site;
        Periods = await vocabularies.ListAsync(Vocabulary.Period, cancellationToken);
        return true;
    }
}
