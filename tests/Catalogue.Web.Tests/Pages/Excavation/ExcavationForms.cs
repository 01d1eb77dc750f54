using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests.Pages.Excavation;

/// <summary>Filling in the excavation forms the way an archaeologist does, and reading what the pages answer.</summary>
public static class ExcavationForms
{
    /// <summary>Creates a site through the site form and checks it landed on the site's page.</summary>
    public static async Task CreateSiteAsync(this HttpClient client, string code, string nameEn)
    {
        using var response = await client.PostFormAsync("/Excavation/Sites/Edit", ("Input.Code", code), ("Input.NameEn", nameEn));
        await response.ExpectRedirectAsync(client, $"/Excavation/Sites/Details/{code}");
    }

    /// <summary>
    /// Records a context through the new-context form (other fields as given, with a description unless one is) and
    /// checks it landed on the context's page.
    /// </summary>
    public static async Task CreateContextAsync(this HttpClient client, string site, int number, params (string Name, string Value)[] fields)
    {
        (string, string)[] described = fields.Any(f => f.Name == "Input.Description") ? [] : [("Input.Description", $"Context {number}")];
        using var response = await client.PostFormAsync($"/Excavation/Contexts/Edit/{site}", [("Input.Number", Number(number)), .. described, .. fields]);
        await response.ExpectRedirectAsync(client, $"/Excavation/Contexts/Details/{site}/{number}");
    }

    /// <summary>The form on a context's Relations page that adds one relation.</summary>
    public static async Task<HtmlForm> RelationFormAsync(this HttpClient client, string site, int number, string choice, int other) =>
        (await client.GetFormAsync($"/Excavation/Contexts/Relations/{site}/{number}", "#relation-form"))
            .Set("Choice", choice)
            .Set("Other", Number(other));

    /// <summary>The batch form on a context's Relations page with the statements typed one per line, as a browser sends them.</summary>
    public static async Task<HtmlForm> BatchFormAsync(this HttpClient client, string site, int number, params string[] lines) =>
        (await client.GetFormAsync($"/Excavation/Contexts/Relations/{site}/{number}", "#batch-form"))
            .Set("Statements", string.Join("\r\n", lines));

    /// <summary>The finds register form for a site and context, as the page proposes it.</summary>
    public static Task<HtmlForm> RegisterFormAsync(this HttpClient client, string site, int context) =>
        client.GetFormAsync($"/Excavation/Finds/Register?site={site}&context={Number(context)}", "#find-form");

    /// <summary>An antiforgery token the client really holds (from the sign-out form of a page any staff member may open).</summary>
    public static async Task<string> OwnAntiforgeryTokenAsync(this HttpClient client) =>
        (await client.GetFormAsync("/Excavation/Sites", "form[action='/Account/Logout']")).AntiforgeryToken
        ?? throw new AssertionException("The sign-out form carries no antiforgery token.");

    /// <summary>Checks a POST was answered with a redirect to the path; otherwise shows what the page said.</summary>
    public static async Task ExpectRedirectAsync(this HttpResponseMessage response, HttpClient client, string path)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = (await response.ReadHtmlAsync()).Text();
            Assert.Fail($"Expected a redirect to {path} but got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 1500)]}");
        }

        Assert.That(response.RedirectTarget(client.BaseAddress!)!.AbsolutePath, Is.EqualTo(path));
    }

    /// <summary>Checks a request was refused: 403, or a redirect to the access-denied page.</summary>
    public static void ExpectRefused(this HttpResponseMessage response, HttpClient client)
    {
        var target = response.RedirectTarget(client.BaseAddress!)?.AbsolutePath;
        Assert.That(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && target == "/Account/AccessDenied"),
            Is.True, $"should be refused (403 or a redirect to /Account/AccessDenied), but was {(int)response.StatusCode} {target}");
    }

    /// <summary>The element's text with whitespace collapsed, as a reader sees it.</summary>
    public static string Collapsed(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
