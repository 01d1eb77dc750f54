using System.Text;
using Catalogue.Core.Excavation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Excavation.Finds;

/// <summary>A site's finds register as a CSV file (UTF-8 with BOM so spreadsheets read the diacritics).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportModel(ExcavationQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string site, CancellationToken cancellationToken)
    {
        var found = await queries.FindSiteAsync(site, cancellationToken);
        if (found is null)
            return NotFound();
        await using var writer = new StringWriter();
        await queries.WriteFindsCsvAsync(found.Code, writer, cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"finds-{found.Code}.csv");
    }
}
