using Catalogue.Core.Common;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Locations;

/// <summary>Create a location, or rename it and place it inside another.</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class EditModel(LocationCommands commands, LocationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public SaveLocationCommand Input { get; set; } = new();

    public IReadOnlyList<LocationNode> Tree { get; private set; } = [];
    public bool IsNew => Code is null;

    public async Task<IActionResult> OnGetAsync(string? parent, CancellationToken cancellationToken)
    {
        Tree = await queries.TreeAsync(cancellationToken);
        if (IsNew)
        {
            Input.ParentCode = parent;
            return Page();
        }

        var location = await queries.FindAsync(Code!, cancellationToken);
        if (location is null)
            return NotFound();
        Input = new SaveLocationCommand
        {
            Code = location.Code,
            Name = location.Name,
            Kind = location.Kind,
            ParentCode = Tree.FirstOrDefault(n => n.Id == location.ParentId)?.Code,
            Version = location.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
            Input.Code = Code;
        if (ModelState.IsValid)
        {
            var result = await commands.SaveAsync(Input, IsNew, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Location {0} was saved.", result.Value!.Code].Value;
                return Redirect($"~/Locations/Details/{result.Value.Code}");
            }

            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            if (result.Failure == FailureKind.Conflict)
                Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddErrors(result.Errors);
        }

        Tree = await queries.TreeAsync(cancellationToken);
        return Page();
    }
}
