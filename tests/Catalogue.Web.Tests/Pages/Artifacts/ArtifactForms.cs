using System.Net;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests.Pages.Artifacts;

/// <summary>Filling in the artifact form the way a curator does.</summary>
public static class ArtifactForms
{
    private static int next;

    /// <summary>A well-formed accession number no sample uses and no other test has taken.</summary>
    public static string NewAccessionNumber() => $"WT.2024.{Interlocked.Increment(ref next):D4}";

    /// <summary>The create form with the required fields filled: accession number, the first object type, an English title.</summary>
    public static async Task<HtmlForm> FilledCreateFormAsync(this HttpClient client, string accessionNumber, string title)
    {
        var form = await client.GetFormAsync("/Artifacts/Create", "#artifact-form");
        return form
            .Set("Input.AccessionNumber", accessionNumber)
            .Set("Input.ObjectTypeId", form.Choices("Input.ObjectTypeId")[0])
            .Set("Input.TitleEn", title);
    }

    /// <summary>Creates an artifact through the form and checks it landed on its details page.</summary>
    public static async Task CreateArtifactAsync(this HttpClient client, string accessionNumber, string title)
    {
        using var response = await client.SubmitAsync(await client.FilledCreateFormAsync(accessionNumber, title));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"Creating {accessionNumber}: {await response.Content.ReadAsStringAsync()}");
    }
}
