using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Exhibitions;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Exhibitions;

/// <summary>An exhibition's venues (where and when it travels) and the objects shown with their labels.</summary>
[Authorize(Policy = Policies.EditCatalogue)]
public sealed class ManageModel(ExhibitionCommands commands, ExhibitionQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public VenueInput Venue { get; set; } = new();

    [BindProperty]
    public ExhibitObjectInput Item { get; set; } = new();

    public ExhibitionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostVenueAsync(CancellationToken cancellationToken) =>
        Handle(() => commands.AddVenueAsync(Code, Venue, cancellationToken), nameof(Venue), l["The venue was added."].Value, cancellationToken);

    public Task<IActionResult> OnPostRemoveVenueAsync(int venueId, CancellationToken cancellationToken) =>
        Handle(() => commands.RemoveVenueAsync(Code, venueId, cancellationToken), nameof(Venue), l["The venue was removed."].Value, cancellationToken);

    public Task<IActionResult> OnPostShowAsync(CancellationToken cancellationToken) =>
        Handle(() => commands.ShowAsync(Code, Item, cancellationToken), nameof(Item), exhibition =>
            exhibition.IsPublic && exhibition.Objects.FirstOrDefault(o => o.Artifact?.AccessionNumber == AccessionNumber.Normalize(Item.AccessionNumber)) is { Artifact.IsPublished: false } shown
                ? l["{0} is shown in the exhibition, but it is not published: the public page leaves it out until it is.", shown.Artifact!.AccessionNumber].Value
                : l["{0} is shown in the exhibition.", Item.AccessionNumber ?? string.Empty].Value, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string accessionNumber, CancellationToken cancellationToken) =>
        Handle(() => commands.WithdrawAsync(Code, accessionNumber ?? string.Empty, cancellationToken), nameof(Item), l["{0} was withdrawn from the exhibition.", accessionNumber ?? string.Empty].Value, cancellationToken);

    private Task<IActionResult> Handle(Func<Task<CommandResult<Exhibition>>> command, string prefix, string done, CancellationToken cancellationToken) =>
        Handle(command, prefix, _ => done, cancellationToken);

    /// <summary>Runs the change; on success the message may depend on the exhibition as saved.</summary>
    private async Task<IActionResult> Handle(Func<Task<CommandResult<Exhibition>>> command, string prefix, Func<Exhibition, string> done, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A date or number that does not parse: say so beside the field, store nothing.
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var result = await command();
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded)
        {
            TempData["Message"] = done(result.Value!);
            return Redirect($"~/Exhibitions/Manage/{Uri.EscapeDataString(Code)}");
        }

        ModelState.AddErrors(result.Errors, prefix);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await queries.DetailsAsync(Code, publicOnly: false, cancellationToken);
        if (view is null)
            return false;
        View = view;
        Code = view.Exhibition.Code;
        return true;
    }
}
