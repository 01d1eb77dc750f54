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
    /// <summary>The finds the list showed: the same filters come in the query (a malformed one is left out, as there).</summary>
    public async Task<IActionResult> OnGetAsync(string site, int? context, FindStatus? status, int? material, int? objectType, CancellationToken cancellationToken)
    {
        var found = await queries.FindSiteAsync(site, cancellationToken);
        if (found is null)
            return NotFound();
        await using var writer = new StringWriter();
        var filter = new FindFilter
        {
            SiteCode = found.Code,
            ContextNumber = Valid("context", context),
            Status = Valid("status", status),
            MaterialId = Valid("material", material),
            ObjectTypeId = Valid("objectType", objectType),
        };
        await queries.WriteFindsCsvAsync(filter, writer, cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"finds-{found.Code}.csv");
    }

    private T? Valid<T>(string key, T? value) where T : struct => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? null : value;
}
