using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages;

/// <summary>Home: an introduction for visitors; counts and recent changes for staff.</summary>
[AllowAnonymous]
public sealed class IndexModel(ArtifactQueries artifacts, HistoryQueries history) : PageModel
{
    public IReadOnlyDictionary<PublicationStatus, int>? StatusCounts { get; private set; }
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsStaff())
            return;
        StatusCounts = await artifacts.CountByStatusAsync(cancellationToken);
        Recent = await history.RecentAsync(15, cancellationToken);
    }
}
