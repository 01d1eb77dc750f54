using Catalogue.Core.Conservation;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Conservation;

/// <summary>What needs a conservator: checks due or overdue, treatments waiting for approval, work or sign-off.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ConservationQueries queries, LocationQueries locationQueries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ConservationPriority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    public Worklist Worklist { get; private set; } = null!;
    public IReadOnlyList<LocationNode> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Priority is { } p && !Enum.IsDefined(p))
            (Priority, Days) = (null, 30);
        Days = Math.Clamp(Days, 0, 3650);
        Locations = await locationQueries.TreeAsync(cancellationToken);
        if (Location is not null && Locations.All(l => l.Code != Location))
            Location = null;
        Worklist = await queries.WorklistAsync(Priority, Days, Location, cancellationToken);
    }
}
