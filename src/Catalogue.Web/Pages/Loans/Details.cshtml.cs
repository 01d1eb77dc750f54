using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Catalogue.Web.Pages.Loans;

/// <summary>A loan: agreement, objects with insurance values, where they are, and the condition checks each stage requires.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ExhibitionQueries queries, LocationQueries locations) : PageModel
{
    public Loan Loan { get; private set; } = null!;
    public IReadOnlyList<LoanCheck> Checks { get; private set; } = [];
    public IReadOnlyList<LoanStage> StagesDue { get; private set; } = [];
    public IReadOnlyDictionary<int, Placement> Placements { get; private set; } = new Dictionary<int, Placement>();
    public IReadOnlyList<LocationNode> Tree { get; private set; } = [];

    /// <summary>The objects that have no departure check yet: the dispatch asks to confirm sending them so.</summary>
    public IReadOnlyList<string> WithoutDepartureCheck => Checks.Where(c => c.Stage == LoanStage.BeforeDeparture && c.ReportReference is null)
        .Select(c => c.AccessionNumber).ToList();

    /// <summary>Checks a stage already reached requires but no condition report records.</summary>
    public IEnumerable<LoanCheck> Missing => Checks.Where(c => c.ReportReference is null && StagesDue.Contains(c.Stage));

    /// <summary>The stage whose checks are to be done before the loan's next step.</summary>
    public LoanStage? NextStage => Loan.Status switch
    {
        LoanStatus.Requested or LoanStatus.Agreed => LoanStage.BeforeDeparture,
        LoanStatus.Dispatched => LoanStage.OnArrival,
        LoanStatus.OnDisplay => LoanStage.BeforeReturn,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var loan = await queries.LoanAsync(reference, cancellationToken);
        if (loan is null)
            return NotFound();
        Loan = loan;
        Checks = await queries.ChecksAsync(loan, cancellationToken);
        StagesDue = loan.StagesDue();
        Placements = await locations.PlacementsAsync(loan.Objects.Select(o => o.ArtifactId).ToList(), cancellationToken);
        Tree = await locations.TreeAsync(cancellationToken);
        return Page();
    }
}
