using Catalogue.Core.Common;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Locations;

/// <summary>An inventory check: tick what is physically in the location, list what turned up there unexpectedly.</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class InventoryModel(LocationCommands commands, LocationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public List<string> Present { get; set; } = [];

    [BindProperty]
    public string? FoundHere { get; set; }

    [BindProperty]
    public bool MoveFoundHere { get; set; } = true;

    [BindProperty]
    public string? Notes { get; set; }

    public StorageLocation Location { get; private set; } = null!;
    public IReadOnlyList<LocatedObject> Expected { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var result = await commands.InventoryAsync(new InventoryCommand
        {
            LocationCode = Location.Code,
            Present = Present,
            FoundHere = MoveForm.Split(FoundHere),
            Notes = Notes,
            MoveFoundHere = MoveFoundHere,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            ModelState.AddErrors(result.Errors, prefix: string.Empty);
            return Page();
        }

        var check = result.Value!;
        TempData["Message"] = l["Inventory of {0} stored: {1} present, {2} missing, {3} found here.", Location.Code, check.Present, check.Missing, check.FoundHere].Value;
        return Redirect($"~/Locations/Details/{Uri.EscapeDataString(Location.Code)}#inventories");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var location = await queries.FindAsync(Code, cancellationToken);
        if (location is null)
            return false;
        Location = location;
        Expected = await queries.ContentsAsync(location.Code, cancellationToken) ?? [];
        return true;
    }
}
