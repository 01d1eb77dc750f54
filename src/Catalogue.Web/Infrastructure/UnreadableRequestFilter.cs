using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Requests a page cannot act on are refused with 400 before its handler runs, rather than running it half-bound:
/// a form that cannot be read (a broken multipart body, a NUL character) leaves every value unbound, and a handler name
/// the page does not have (or a POST to a page with only named handlers) would draw the page without loading it.
/// </summary>
public sealed class UnreadableRequestFilter : IAsyncPageFilter
{
    public const string ItemKey = "Catalogue.UnreadableRequest";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Before a handler runs, the only error without a field is the value providers' own: the form could not be read.
        if (context.ModelState.TryGetValue(string.Empty, out var entry) && entry.Errors.Count > 0)
        {
            context.HttpContext.Items[ItemKey] = true;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        await next();
    }
}
