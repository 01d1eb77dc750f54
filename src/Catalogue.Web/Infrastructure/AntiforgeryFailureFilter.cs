using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// A form posted without a valid antiforgery token (expired page, another site, a script) changes nothing;
/// instead of a bare 400 the user gets a page that says what happened and what to do.
/// </summary>
public sealed class AntiforgeryFailureFilter : IAsyncAlwaysRunResultFilter
{
    public const string ItemKey = "Catalogue.AntiforgeryFailed";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ItemKey] = true;
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
        }

        return next();
    }
}
