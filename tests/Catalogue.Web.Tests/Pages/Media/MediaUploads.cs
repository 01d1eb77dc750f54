using System.Net.Http.Headers;
using System.Text.Json;
using Catalogue.Core.Media;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests.Pages.Media;

/// <summary>Uploads through the photographs form, as the artifact page's script sends them.</summary>
public static class MediaUploads
{
    public static byte[] Jpeg(int width = 640, int height = 480, string seed = "web") => SyntheticImages.Jpeg(width, height, seed);

    /// <summary>Posts files to an artifact's photographs form with its antiforgery token; returns the status and the outcomes.</summary>
    public static Task<(int Status, JsonElement Body)> UploadAsync(this HttpClient client, string accessionNumber, params (string FileName, byte[] Bytes)[] files) =>
        client.UploadToAsync($"/Artifacts/Images/{accessionNumber}", files);

    /// <summary>Posts files to any record's photographs page (a find's, a condition report's).</summary>
    public static async Task<(int Status, JsonElement Body)> UploadToAsync(this HttpClient client, string pageUrl, params (string FileName, byte[] Bytes)[] files)
    {
        var form = await client.GetFormAsync(pageUrl, "form#image-upload");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.AntiforgeryToken!), HtmlForm.TokenField);
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set by hand so a crafted name ("../../x.jpg") reaches the server exactly as sent.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = $"\"{fileName}\"" };
            content.Add(file);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return ((int)response.StatusCode, body);
    }
}
