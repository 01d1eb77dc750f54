using Catalogue.Core.Common;
using Catalogue.Core.Locations;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Locations;

/// <summary>
/// Moves objects: a typed or pasted list of accession numbers, the objects ticked on a list page,
/// or everything in a location (a whole box) in one step. All of them move, or none.
/// </summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class MoveModel(LocationCommands commands, LocationQueries queries, InstitutionCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>When set, the page moves everything now in this location.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public MoveForm Input { get; set; } = new();

    public IReadOnlyList<LocationNode> Tree { get; private set; } = [];
    public IReadOnlyList<LocatedObject> Contents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string[]? accessionNumbers, string? to, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Input.AccessionNumbers = string.Join(Environment.NewLine, accessionNumbers ?? []);
        Input.ToLocationCode = to;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        // The date and time are the institution's, as its clocks showed them.
        var movedAt = Input.MovedAt is { } at ? calendar.ToUtc(at) : null;
        if (Input.MovedAt is not null && movedAt is null)
        {
            ModelState.AddModelError("Input.MovedAt", l["When: {0:yyyy-MM-dd HH:mm} never happened in {1}: the clocks went forward over it.", Input.MovedAt, calendar.Zone.Id].Value);
            return Page();
        }

        var result = From is not null
            ? await commands.MoveContentsAsync(From, Input.ToLocationCode, movedAt, Input.Reason, cancellationToken)
            : await commands.MoveAsync(new MoveCommand
            {
                AccessionNumbers = MoveForm.Split(Input.AccessionNumbers),
                ToLocationCode = Input.ToLocationCode,
                MovedAt = movedAt,
                Reason = Input.Reason,
            }, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Failure == FailureKind.NotFound)
                return NotFound();
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Field is "From" ? string.Empty : $"{nameof(Input)}.{error.Field}", error.Message);
            return Page();
        }

        var to = Input.ToLocationCode!.Trim().ToUpperInvariant();
        TempData["Message"] = (result.Value == 1 ? l["{0} object was moved to {1}.", result.Value, to] : l["{0} objects were moved to {1}.", result.Value, to]).Value;
        return Redirect($"~/Locations/Details/{Uri.EscapeDataString(to)}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Tree = await queries.TreeAsync(cancellationToken);
        if (From is null)
            return true;
        var contents = await queries.ContentsAsync(From, cancellationToken);
        if (contents is null)
            return false;
        From = From.Trim().ToUpperInvariant();
        Contents = contents;
        return true;
    }
}

/// <summary>What the move form posts; the accession numbers as typed (one per line, or separated by commas or spaces).</summary>
public sealed class MoveForm
{
    public string? AccessionNumbers { get; set; }
    public string? ToLocationCode { get; set; }
    public DateTime? MovedAt { get; set; }
    public string? Reason { get; set; }

    public static List<string> Split(string? numbers) =>
        (numbers ?? string.Empty).Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
