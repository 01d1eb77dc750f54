using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Locations;

/// <summary>A location: where it sits, what it holds (its sub-locations included) and its inventory checks.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(LocationQueries queries) : PageModel
{
    public StorageLocation Location { get; private set; } = null!;
    public IReadOnlyList<StorageLocation> Path { get; private set; } = [];
    public IReadOnlyList<LocationNode> Children { get; private set; } = [];
    public IReadOnlyList<LocatedObject> Contents { get; private set; } = [];
    public IReadOnlyList<InventoryCheck> Inventories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var location = await queries.FindAsync(code, cancellationToken);
        if (location is null)
            return NotFound();
        Location = location;
        Path = await queries.PathAsync(location.Id, cancellationToken);
        var tree = await queries.TreeAsync(cancellationToken);
        Children = tree.Where(n => n.ParentId == location.Id).ToList();
        Contents = await queries.ContentsAsync(location.Code, cancellationToken) ?? [];
        Inventories = await queries.InventoriesAsync(location.Code, cancellationToken);
        return Page();
    }
}
