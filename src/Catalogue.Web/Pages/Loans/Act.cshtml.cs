using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Loans;

/// <summary>
/// The steps of a loan posted from its page: add or remove objects, agree, dispatch, on display,
/// return. Each answers by going back to the loan page with what happened or why not.
/// </summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class ActModel(ExhibitionCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    public IActionResult OnGet() => Back();

    public Task<IActionResult> OnPostIncludeAsync(string? accessionNumber, decimal? insuranceValue, string? currency, CancellationToken cancellationToken) =>
        Run(() => commands.IncludeAsync(Reference, accessionNumber, insuranceValue, currency, cancellationToken), l["{0} is on the loan.", Catalogue.Core.Common.Text.Shown(accessionNumber)].Value);

    public Task<IActionResult> OnPostExcludeAsync(int artifactId, CancellationToken cancellationToken) =>
        Run(() => commands.ExcludeAsync(Reference, artifactId, cancellationToken), l["The object was removed from the loan."].Value);

    public Task<IActionResult> OnPostAgreeAsync(int version, CancellationToken cancellationToken) =>
        Run(() => commands.AgreeAsync(Reference, version, cancellationToken), l["The loan is agreed."].Value);

    public Task<IActionResult> OnPostDispatchAsync(int version, DateOnly? on, bool withoutDepartureChecks, CancellationToken cancellationToken) =>
        Run(() => commands.DispatchAsync(Reference, version, on, withoutDepartureChecks, cancellationToken), l["The loan is dispatched: its objects are now recorded as away on loan."].Value);

    public Task<IActionResult> OnPostOnDisplayAsync(int version, CancellationToken cancellationToken) =>
        Run(() => commands.OnDisplayAsync(Reference, version, cancellationToken), l["The objects arrived and are on display."].Value);

    public Task<IActionResult> OnPostReturnAsync(int version, DateOnly? on, string? to, CancellationToken cancellationToken) =>
        Run(() => commands.ReturnAsync(Reference, version, on, to, cancellationToken), l["The loan is returned: its objects are back in storage."].Value);

    private async Task<IActionResult> Run(Func<Task<CommandResult<Loan>>> command, string done)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Where(e => e.Value?.Errors.Count > 0)
                .Select(e => l["{0} is not valid.", e.Key].Value));
            return Back();
        }

        var result = await command();
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            TempData["Message"] = done;
        else
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return Back();
    }

    private RedirectResult Back() => Redirect($"~/Loans/Details/{Uri.EscapeDataString(Reference)}");
}
