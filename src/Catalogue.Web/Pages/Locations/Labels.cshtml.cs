using Catalogue.Core.Artifacts;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Catalogue.Web.Pages.Locations;

/// <summary>
/// Printable storage labels, each with a QR code that opens the object's page: for one object
/// (<c>?artifact=</c>, repeatable) or for a whole location with a label for the box itself.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LabelsModel(LocationQueries locations, ArtifactQueries artifacts) : PageModel
{
    public sealed record Label(string Heading, string Title, string? Where, string Url, string QrSvg);

    public string? LocationCode { get; private set; }
    public IReadOnlyList<Label> Labels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? location, string[]? artifact, CancellationToken cancellationToken)
    {
        var labels = new List<Label>();
        if (!string.IsNullOrWhiteSpace(location))
        {
            var place = await locations.FindAsync(location, cancellationToken);
            if (place is null)
                return NotFound();
            LocationCode = place.Code;
            labels.Add(Make(place.Code, place.Name, null, $"/Locations/Details/{Uri.EscapeDataString(place.Code)}"));
            foreach (var o in await locations.ContentsAsync(place.Code, cancellationToken) ?? [])
                labels.Add(Make(o.AccessionNumber, o.Title.Text(), o.LocationCode, ObjectPath(o.AccessionNumber)));
        }

        foreach (var number in artifact ?? [])
        {
            var found = await artifacts.GetAsync(number, publishedOnly: false, cancellationToken);
            if (found is null)
                return NotFound();
            var placement = await locations.PlacementOfAsync(found.AccessionNumber, cancellationToken);
            labels.Add(Make(found.AccessionNumber, found.Title.Text(), placement?.LocationCode, ObjectPath(found.AccessionNumber)));
        }

        if (labels.Count == 0)
            return NotFound();
        Labels = labels;
        return Page();
    }

    private static string ObjectPath(string accessionNumber) => $"/Artifacts/Details/{Uri.EscapeDataString(accessionNumber)}";

    private Label Make(string heading, string title, string? where, string path)
    {
        var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return new Label(heading, title, where, url, svg);
    }
}
