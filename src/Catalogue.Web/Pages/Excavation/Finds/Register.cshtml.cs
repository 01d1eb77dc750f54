using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Finds;

/// <summary>
/// Fast field entry: the site, context, date and recorder stay between entries, the next find number is
/// proposed, and Enter saves and opens the next blank find.
/// </summary>
[Authorize(Policy = Policies.RecordExcavation)]
public sealed class RegisterModel(FindCommands commands, ExcavationQueries queries, VocabularyQueries vocabularies, InstitutionCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "site")]
    public string SiteCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "context")]
    public int? ContextNumber { get; set; }

    [BindProperty]
    public SaveFindCommand Input { get; set; } = new();

    public Site Site { get; private set; } = null!;
    public IReadOnlyList<ContextSummary> Contexts { get; private set; } = [];
    public IReadOnlyList<VocabularyTerm> Materials { get; private set; } = [];
    public IReadOnlyList<VocabularyTerm> ObjectTypes { get; private set; } = [];
    public IReadOnlyList<FindSummary> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? foundOn, string? recordedBy, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        Input = new SaveFindCommand
        {
            SiteCode = Site.Code,
            ContextNumber = ContextNumber,
            FindNumber = await commands.NextNumberAsync(Site.Code, cancellationToken),
            FoundOn = foundOn ?? calendar.Today,
            RecordedBy = recordedBy ?? User.Identity?.Name,
        };
        await LoadRecent(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
            return NotFound();
        Input.SiteCode = Site.Code;
        ContextNumber = Input.ContextNumber;
        if (ModelState.IsValid)
        {
            var result = await commands.RegisterAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Find {0} registered in context {1}.", result.Value!.FindNumber, Input.ContextNumber ?? 0].Value;
                return RedirectToPage(new { site = Site.Code, context = Input.ContextNumber, foundOn = Input.FoundOn?.ToString("yyyy-MM-dd"), recordedBy = Input.RecordedBy });
            }

            ModelState.AddErrors(result.Errors);
        }

        await LoadRecent(cancellationToken);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var site = await queries.FindSiteAsync(SiteCode, cancellationToken);
        if (site is null)
            return false;
        Site = site;
        Contexts = await queries.ListContextsAsync(site.Code, cancellationToken);
        Materials = await vocabularies.ListAsync(Vocabulary.Material, cancellationToken);
        ObjectTypes = await vocabularies.ListAsync(Vocabulary.ObjectType, cancellationToken);
        return true;
    }

    private async Task LoadRecent(CancellationToken cancellationToken)
    {
        if (ContextNumber is { } n)
            Recent = (await queries.ListFindsAsync(new FindFilter { SiteCode = Site.Code, ContextNumber = n, PageSize = 500 }, cancellationToken)).Items
                .OrderByDescending(f => f.FindNumber, StringComparer.Ordinal).ToList();
    }
}
