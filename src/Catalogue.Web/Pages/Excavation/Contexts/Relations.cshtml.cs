using Catalogue.Core.Excavation;
using Catalogue.Core.Excavation.Stratigraphy;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Contexts;

/// <summary>Add or remove a context's stratigraphic relations; a relation that contradicts the record is refused with the chain named.</summary>
[Authorize(Policy = Policies.RecordExcavation)]
public sealed class RelationsModel(ExcavationQueries queries, SiteStratigraphy stratigraphy, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Site { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    [BindProperty]
    public StratigraphicRelationChoice Choice { get; set; }

    [BindProperty]
    public int? Other { get; set; }

    [BindProperty]
    public string? Statements { get; set; }

    public Context Context { get; private set; } = null!;
    public IReadOnlyList<ContextRelation> Relations { get; private set; } = [];
    public IReadOnlyList<ContextSummary> SiteContexts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        if (Other is null)
            ModelState.AddModelError(nameof(Other), l["Other context number is required."]);
        if (!ModelState.IsValid)
            return Page();
        var result = await stratigraphy.AddRelationAsync(Context.SiteCode, Number, Choice, Other!.Value, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, prefix: string.Empty);
            return Page();
        }

        TempData["Message"] = l["Relation recorded: {0} {1} {2}.", Context.Label, l[Choice.Phrase()], Other.Value].Value;
        return RedirectToPage(new { site = Context.SiteCode, number = Number });
    }

    public async Task<IActionResult> OnPostBatchAsync(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        var result = await stratigraphy.AddStatementsAsync(Context.SiteCode, Statements, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, prefix: string.Empty);
            return Page();
        }

        TempData["Message"] = l["{0} relations recorded.", result.Value!.Count].Value;
        return RedirectToPage(new { site = Context.SiteCode, number = Number });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int relationId, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        var result = await stratigraphy.RemoveRelationAsync(Context.SiteCode, relationId, cancellationToken);
        if (!result.Succeeded)
            return NotFound();
        TempData["Message"] = l["The relation was removed."].Value;
        return RedirectToPage(new { site = Context.SiteCode, number = Number });
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var context = await queries.FindContextAsync(Site.ToUpperInvariant(), Number, cancellationToken);
        if (context is null)
            return false;
        Context = context;
        Relations = await queries.RelationsOfContextAsync(context.Id, cancellationToken);
        SiteContexts = await queries.ListContextsAsync(context.SiteCode, cancellationToken);
        return true;
    }
}
