using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Messages carried to the next page travel in a cookie, and a message repeating 40 KB someone typed made a cookie
/// the server then refused on every request, sign-out included, until the browser forgot it. Each is cut short here.
/// </summary>
public sealed class TempDataBound(ITempDataDictionaryFactory factory) : IAlwaysRunResultFilter
{
    public const int MaxLength = 1000;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        // Only on the way to the next page (a redirect): a page being drawn may already have read its messages.
        if (context.Result is not Microsoft.AspNetCore.Mvc.ViewFeatures.IKeepTempDataResult)
            return;
        var tempData = factory.GetTempData(context.HttpContext);
        foreach (var key in tempData.Keys.ToList())
        {
            if (tempData.Peek(key) is string { Length: > MaxLength } text)
                tempData[key] = string.Concat(text.AsSpan(0, MaxLength), "…");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
