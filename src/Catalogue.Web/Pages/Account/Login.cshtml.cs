using Catalogue.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<CatalogueUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
            ModelState.AddModelError(nameof(Email), l["Email is required."]);
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), l["Password is required."]);
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator."]
            : l["The email or password is not correct."]);
        return Page();
    }
}
