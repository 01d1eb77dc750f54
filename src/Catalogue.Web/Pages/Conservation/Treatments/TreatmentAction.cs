using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

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
        return new RedirectResult($"~/Conservation/Treatments/Details/{reference}");
    }

    /// <summary>
    /// A change the treatment's stage does not allow (a step once completed, an edit once signed off, completing before the start):
    /// back to the record, saying which stage it is in, rather than a form whose hidden error can never be fixed.
    /// </summary>
    public static IActionResult RefusedForItsStage(PageModel page, Treatment treatment, IStringLocalizer<SharedResource> l)
    {
        page.TempData["Error"] = l["{0} is {1}: this change is refused for its stage, and nothing was saved.", treatment.Reference, l[treatment.Status.ToString()]].Value;
        return new RedirectResult($"~/Conservation/Treatments/Details/{treatment.Reference}");
    }
}
