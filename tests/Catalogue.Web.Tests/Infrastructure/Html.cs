using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>Reading pages the way a user does: fetched over HTTP, parsed, and looked at by their visible text.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"GET {url}");
        return await response.ReadHtmlAsync();
    }

    /// <summary>GETs a page and takes one of its forms; by default the first posting form in the page's main content.</summary>
    public static async Task<HtmlForm> GetFormAsync(this HttpClient client, string pageUrl, string selector = "main form[method=post]")
    {
        var page = await client.GetPageAsync(pageUrl);
        return HtmlForm.From(page, new Uri(client.BaseAddress!, pageUrl), selector);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, HtmlForm form) =>
        client.PostAsync(form.Action, form.ToContent());

    /// <summary>GETs the page, fills its form (antiforgery token included) with the given fields and posts it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, params (string Name, string Value)[] fields)
    {
        var form = await client.GetFormAsync(pageUrl);
        foreach (var field in fields.GroupBy(f => f.Name))
            form.Set(field.Key, field.Select(f => f.Value).ToArray());
        return await client.SubmitAsync(form);
    }

    /// <summary>The validation message shown beside a field (empty when there is none).</summary>
    public static string FieldMessage(this IDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim()
        ?? throw new AssertionException($"The page has no validation message slot for '{field}'.");

    /// <summary>The page's visible text with whitespace collapsed.</summary>
    public static string Text(this IDocument page) =>
        string.Join(' ', (page.Body?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static Uri? RedirectTarget(this HttpResponseMessage response, Uri baseAddress) =>
        response.Headers.Location is { } location ? new Uri(baseAddress, location) : null;
}
