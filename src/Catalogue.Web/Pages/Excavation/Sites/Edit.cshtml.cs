using Catalogue.Core.Common;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Excavation.Sites;

/// <summary>Create a site (no code in the address) or edit one.</summary>
[Authorize(Policy = Policies.RecordExcavation)]
public sealed class EditModel(SiteCommands commands, ExcavationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveSiteCommand Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool IsNew => Code is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
            return Page();
        var site = await queries.FindSiteAsync(Code!, cancellationToken);
        if (site is null)
            return NotFound();
        Input = new SaveSiteCommand
        {
            Code = site.Code,
            NameVi = site.Name.Vi, NameFr = site.Name.Fr, NameEn = site.Name.En,
            Location = site.Location, Latitude = site.Latitude, Longitude = site.Longitude,
            DescriptionVi = site.Description.Vi, DescriptionFr = site.Description.Fr, DescriptionEn = site.Description.En,
            Version = site.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
            Input.Code = Code;
        if (!ModelState.IsValid)
            return Page();
        var result = await commands.SaveAsync(Input, IsNew, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = l["Site {0} was saved.", result.Value!.Code].Value;
            return Redirect($"~/Excavation/Sites/Details/{result.Value.Code}");
        }

        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
