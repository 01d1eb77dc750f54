using Catalogue.Core.Media;
using Catalogue.Web.Pages.Artifacts;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Infrastructure;

/// <summary>Attaches the files of one upload request to a record, each file on its own, and says what became of each.</summary>
public static class PhotographUploads
{
    /// <summary>Room for a folder of camera photographs in one request.</summary>
    public const long MaxRequestBytes = 4L * 1024 * 1024 * 1024;

    public static async Task<List<UploadOutcome>> AttachAllAsync(
        MediaCommands commands, MediaOwnerKind kind, string ownerKey, IEnumerable<IFormFile> files, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken, MediaRole role = MediaRole.General)
    {
        var outcomes = new List<UploadOutcome>();
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var result = await commands.AttachAsync(kind, ownerKey, content, file.FileName, role, cancellationToken);
            var name = MediaCommands.DisplayName(file.FileName);
            outcomes.Add(result.Succeeded
                ? new UploadOutcome(name, true, result.Value!.AlreadyAttached ? l["Already attached to this object."] : l["Attached; thumbnails are being made."], result.Value.Sha256)
                : new UploadOutcome(name, false, string.Join(" ", result.Errors.Select(e => e.Message)), null));
        }

        return outcomes;
    }

    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
