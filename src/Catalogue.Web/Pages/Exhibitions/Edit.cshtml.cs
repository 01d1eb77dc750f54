using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Exhibitions;

/// <summary>Create an exhibition or change its titles, description and whether the public sees it.</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class EditModel(ExhibitionCommands commands, ExhibitionQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public SaveExhibitionCommand Input { get; set; } = new();

    public bool IsNew => Code is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
            return Page();
        var view = await queries.DetailsAsync(Code!, publicOnly: false, cancellationToken);
        if (view is null)
            return NotFound();
        var e = view.Exhibition;
        Input = new SaveExhibitionCommand
        {
            Code = e.Code,
            TitleVi = e.Title.Vi, TitleFr = e.Title.Fr, TitleEn = e.Title.En,
            DescriptionVi = e.Description.Vi, DescriptionFr = e.Description.Fr, DescriptionEn = e.Description.En,
            IsPublic = e.IsPublic,
            Version = e.Version,
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
            TempData["Message"] = l["Exhibition {0} was saved.", result.Value!.Code].Value;
            return Redirect($"~/Exhibitions/Details/{Uri.EscapeDataString(result.Value.Code)}");
        }

        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Failure == FailureKind.Conflict)
            Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
