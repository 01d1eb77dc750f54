using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Sites;

/// <summary>Adds an area or trench to a site (the site page posts here; errors are shown on this page).</summary>
[Authorize(Policy = Policies.RecordExcavation)]
public sealed class AreasModel(SiteCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public AddAreaCommand Input { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        Input.SiteCode = Code.ToUpperInvariant();
        var result = await commands.AddAreaAsync(Input, cancellationToken);
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, prefix: string.Empty);
            return Page();
        }

        TempData["Message"] = l["{0} {1} was added.", l[result.Value!.Kind.ToString()], result.Value.Code].Value;
        return Redirect($"~/Excavation/Sites/Details/{Input.SiteCode}");
    }
}
