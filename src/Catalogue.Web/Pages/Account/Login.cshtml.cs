using Catalogue.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<CatalogueUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
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

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (throttle.WaitFor(address) is { } wait)
        {
            ModelState.AddModelError(string.Empty, l["Too many failed sign-ins from this address: try again in {0} minutes.", (int)Math.Ceiling(wait.TotalMinutes)]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "~/");
        throttle.Failed(address);
        // One message whether the account is locked, the password wrong or the e-mail unknown: a different one for a
        // locked account would tell anyone trying addresses which of them have accounts.
        ModelState.AddModelError(string.Empty,
            l["The email or password is not correct, or the account is locked after too many failed attempts: try again in 15 minutes or ask an administrator."]);
        return Page();
    }
}
