using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages;

/// <summary>Creates the first administrator; answers 404 once any administrator exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(CatalogueDbContext db, UserAdministration users, SignInManager<CatalogueUser> signIn) : PageModel
{
    [BindProperty]
    public CreateUserCommand Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await DatabaseInitializer.NeedsFirstAdminAsync(db, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await DatabaseInitializer.NeedsFirstAdminAsync(db, cancellationToken))
            return NotFound();
        var result = await users.CreateFirstAdminAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        await signIn.SignInAsync(result.Value!, isPersistent: false);
        return Redirect("~/Admin/Users");
    }
}
