using System.Net;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests.Pages.Locations;

/// <summary>Recording storage the way a curator does: through the location and move forms.</summary>
public static class LocationForms
{
    private static int next;

    /// <summary>A location code no sample uses and no other test has taken.</summary>
    public static string NewCode(string stem) => $"WT-{stem}-{Interlocked.Increment(ref next)}";

    public static async Task CreateLocationAsync(this HttpClient client, string code, string name, string kind, string? parent = null)
    {
        var form = (await client.GetFormAsync("/Locations/Edit", "#location-form"))
            .Set("Input.Code", code).Set("Input.Name", name).Set("Input.Kind", kind).Set("Input.ParentCode", parent ?? string.Empty);
        using var response = await client.SubmitAsync(form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"Creating location {code}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts the move form; the answer is left to the caller.</summary>
    public static async Task<HttpResponseMessage> MoveAsync(this HttpClient client, string to, string reason, DateTime? at, params string[] accessionNumbers)
    {
        var form = (await client.GetFormAsync("/Locations/Move", "#move-form"))
            .Set("Input.AccessionNumbers", string.Join("\n", accessionNumbers))
            .Set("Input.ToLocationCode", to)
            .Set("Input.Reason", reason)
            .Set("Input.MovedAt", at?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        return await client.SubmitAsync(form);
    }

    public static async Task MoveOrFailAsync(this HttpClient client, string to, params string[] accessionNumbers)
    {
        using var response = await client.MoveAsync(to, "Rehoused for the test", null, accessionNumbers);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"Moving to {to}: {await response.Content.ReadAsStringAsync()}");
    }
}
