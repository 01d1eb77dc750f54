using Catalogue.Core.Audit;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Contexts;

/// <summary>One context with its relations read from both sides, its place in the matrix, its finds and history.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ExcavationQueries queries, SiteStratigraphy stratigraphy, HistoryQueries history) : PageModel
{
    public Context Context { get; private set; } = null!;
    public IReadOnlyList<ContextRelation> Relations { get; private set; } = [];
    public MatrixNeighbours? Neighbours { get; private set; }
    public IReadOnlyList<FindSummary> Finds { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string site, int number, CancellationToken cancellationToken)
    {
        var context = await queries.FindContextAsync(site.ToUpperInvariant(), number, cancellationToken);
        if (context is null)
            return NotFound();
        Context = context;
        Relations = await queries.RelationsOfContextAsync(context.Id, cancellationToken);
        Neighbours = await stratigraphy.NeighboursAsync(context.SiteCode, context.Number, cancellationToken);
        Finds = (await queries.ListFindsAsync(new FindFilter { SiteCode = context.SiteCode, ContextNumber = number, PageSize = 500 }, cancellationToken)).Items;
        History = await history.ForRecordAsync(Core.Excavation.Context.AuditType, context.Reference, cancellationToken);
        return Page();
    }
}
