using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages;

/// <summary>A readable page for 400, 403, 404 and other status codes (re-executed by the status code middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        (Heading, Explanation) = code switch
        {
            400 when HttpContext.Items.ContainsKey(AntiforgeryFailureFilter.ItemKey) => (
                l["The form could not be accepted"].Value,
                l["The form had expired or did not come from this site, so nothing was changed. Go back, reload the page and submit it again."].Value),
            400 => (l["Bad request"].Value, l["The request was not understood, so nothing was changed."].Value),
            403 => (l["Not allowed"].Value, l["Your role does not allow this."].Value),
            404 => (l["Not found"].Value, l["There is nothing at this address, or it is not visible to you."].Value),
            _ => (l["Something went wrong"].Value, l["The request could not be completed."].Value),
        };
    }
}
