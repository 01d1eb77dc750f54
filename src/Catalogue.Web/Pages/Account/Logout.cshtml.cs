using Catalogue.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
[Authorize]
public sealed class LogoutModel(SignInManager<CatalogueUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("~/");
    }
}
