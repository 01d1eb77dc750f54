using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(UserAdministration users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CreateUserCommand Input { get; set; } = new() { Role = Roles.Viewer };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Message"] = l["The account {0} was created.", result.Value!.Email!].Value;
        return RedirectToPage("Index");
    }
}
