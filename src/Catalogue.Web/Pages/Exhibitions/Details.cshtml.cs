using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Exhibitions;

/// <summary>
/// An exhibition, its venues and the objects shown with their labels. The public sees a public
/// exhibition with its published objects only; never a storage location or a loan.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(ExhibitionQueries queries) : PageModel
{
    public ExhibitionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await queries.DetailsAsync(code, publicOnly: !User.IsStaff(), cancellationToken);
        if (view is null)
            return NotFound();
        View = view;
        return Page();
    }
}
