using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages;

/// <summary>
/// Choosing the pages' language, for everyone: the choice is kept in a cookie for a year, and the reader goes back to
/// the page they chose it on. A POST with its antiforgery token, so another site cannot switch it.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? culture)
    {
        if (Languages.Find(culture) is not { } language)
        {
            ModelState.AddModelError(nameof(culture), l["Language must be one of {0} ('{1}' is not).",
                string.Join(", ", Languages.All.Select(a => a.Name)), Catalogue.Core.Common.Text.Shown(culture, 20)]);
            return Page();
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Languages.CookieValue(language), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true, // a preference the reader asked for, not tracking
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/"); // a page's own address, sub-path included
    }
}
