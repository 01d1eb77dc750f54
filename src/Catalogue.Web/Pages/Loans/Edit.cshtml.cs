using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Loans;

/// <summary>Record a loan request (out or in), or change what its agreement says.</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class EditModel(ExhibitionCommands commands, ExhibitionQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty]
    public SaveLoanCommand Input { get; set; } = new();

    public IReadOnlyList<ExhibitionSummary> Exhibitions { get; private set; } = [];
    public bool IsNew => Reference is null;

    public async Task<IActionResult> OnGetAsync(string? exhibition, CancellationToken cancellationToken)
    {
        Exhibitions = await queries.ListAsync(publicOnly: false, cancellationToken);
        if (IsNew)
        {
            Input.ExhibitionCode = exhibition;
            return Page();
        }

        var loan = await queries.LoanAsync(Reference!, cancellationToken);
        if (loan is null)
            return NotFound();
        Input = new SaveLoanCommand
        {
            Direction = loan.Direction,
            Institution = loan.Institution,
            Contact = loan.Contact,
            AgreementFrom = loan.AgreementFrom,
            AgreementTo = loan.AgreementTo,
            Courier = loan.Courier,
            ExhibitionCode = loan.Exhibition?.Code,
            Notes = loan.Notes,
            Version = loan.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.SaveLoanAsync(Reference, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = l["Loan {0} was saved.", result.Value!.Reference].Value;
                return Redirect($"~/Loans/Details/{Uri.EscapeDataString(result.Value.Reference)}");
            }

            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            if (result.Failure == FailureKind.Conflict)
                Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddErrors(result.Errors);
        }

        Exhibitions = await queries.ListAsync(publicOnly: false, cancellationToken);
        return Page();
    }
}
