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

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    /// <summary>
    /// The code comes from the re-executed address alone: a posted form is re-executed here as it came, and binding
    /// would let a field named "code" choose the answer (or fail on a form that cannot be read). Asked for directly,
    /// the page is "not found".
    /// </summary>
    private void Describe()
    {
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        var code = reExecuted && int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var routed)
            ? routed
            : 404;
        if (code == 400 && HttpContext.Items.ContainsKey(UnreadableRequestFilter.ItemKey))
        {
            Response.StatusCode = code;
            (Heading, Explanation) = (l["The form could not be read"].Value,
                l["The form arrived incomplete or with characters it cannot hold, so nothing was changed. Go back and submit it again."].Value);
            return;
        }

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
