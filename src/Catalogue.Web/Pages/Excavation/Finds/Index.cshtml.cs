using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Finds;

/// <summary>The finds of a site, filtered by context, status, material and object type.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ExcavationQueries queries, VocabularyQueries vocabularies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "site")]
    public string? SiteCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "context")]
    public int? ContextNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public FindStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "material")]
    public int? MaterialId { get; set; }

    [BindProperty(SupportsGet = true, Name = "objectType")]
    public int? ObjectTypeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The list's filters as a query string, for the export to carry the same finds.</summary>
    public QueryString FilterQuery => QueryString.Create(new (string, string?)[]
        {
            ("context", ContextNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("status", Status?.ToString()),
            ("material", MaterialId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("objectType", ObjectTypeId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }.Where(p => p.Item2 is not null).Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)));

    public Site? Site { get; private set; }
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];
    public PagedList<FindSummary>? List { get; private set; }
    public IReadOnlyList<VocabularyTerm> Materials { get; private set; } = [];
    public IReadOnlyList<VocabularyTerm> ObjectTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Malformed filters (a word where a number belongs) are dropped rather than failing the page.
        foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            switch (key)
            {
                case "context": ContextNumber = null; break;
                case nameof(Status): Status = null; break;
                case "material": MaterialId = null; break;
                case "objectType": ObjectTypeId = null; break;
                case "pageNumber": PageNumber = 1; break;
            }
        }

        if (string.IsNullOrWhiteSpace(SiteCode))
        {
            Sites = await queries.ListSitesAsync(cancellationToken);
            return Page();
        }

        Site = await queries.FindSiteAsync(SiteCode, cancellationToken);
        if (Site is null)
            return NotFound();
        Materials = await vocabularies.ListAsync(Vocabulary.Material, cancellationToken);
        ObjectTypes = await vocabularies.ListAsync(Vocabulary.ObjectType, cancellationToken);
        List = await queries.ListFindsAsync(new FindFilter
        {
            SiteCode = Site.Code,
            ContextNumber = ContextNumber,
            Status = Status,
            MaterialId = MaterialId,
            ObjectTypeId = ObjectTypeId,
            Page = PageNumber,
        }, cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        Url.Page("Index", new { site = Site?.Code, context = ContextNumber, status = Status, material = MaterialId, objectType = ObjectTypeId, pageNumber = page })!;
}
