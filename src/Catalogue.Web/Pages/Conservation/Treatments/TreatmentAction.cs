using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Conservation.Treatments;

/// <summary>How the treatment action pages answer a command: back to the record with a message, or the reason it was refused.</summary>
internal static class TreatmentAction
{
    public static IActionResult Outcome(PageModel page, string reference, CommandResult<Treatment> result, string success)
    {
        if (result.Failure == FailureKind.NotFound)
            return page.NotFound();
        if (result.Succeeded)
            page.TempData["Message"] = success;
        else
            page.TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return new RedirectResult($"/Conservation/Treatments/Details/{reference}");
    }
}
