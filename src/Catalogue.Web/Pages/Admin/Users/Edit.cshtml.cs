using System.Security.Claims;
using Catalogue.Core.Common;
using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Admin.Users;

/// <summary>An administrator changes a user's roles, locks or unlocks the account, or sets a new password.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserAdministration users, Catalogue.Core.Audit.HistoryQueries history, IStringLocalizer<SharedResource> l) : PageModel
{
    public UserSummary Account { get; private set; } = null!;
    public IReadOnlyList<Catalogue.Core.Audit.HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await Load(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync(string id, List<string> roles, CancellationToken cancellationToken) =>
        Apply(id, users.SetRolesAsync(id, roles, cancellationToken), l["Roles saved."], cancellationToken);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken cancellationToken) =>
        Apply(id, users.SetLockedAsync(id, locked, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken),
            locked ? l["The account is locked."] : l["The account is unlocked."], cancellationToken);

    public Task<IActionResult> OnPostSeniorAsync(string id, bool senior, CancellationToken cancellationToken) =>
        Apply(id, users.SetSeniorConservatorAsync(id, senior, cancellationToken),
            senior ? l["Now a senior conservator: can approve and sign off treatments within a minute."] : l["No longer a senior conservator."], cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(string id, string? newPassword, CancellationToken cancellationToken) =>
        Apply(id, users.ResetPasswordAsync(id, newPassword, cancellationToken), l["The password was changed."], cancellationToken);

    private async Task<IActionResult> Apply(string id, Task<CommandResult<bool>> command, string success, CancellationToken cancellationToken)
    {
        var result = await command;
        if (result.Failure == FailureKind.NotFound)
            return NotFound();
        if (result.Succeeded)
        {
            TempData["Message"] = success;
            return RedirectToPage(new { id });
        }

        ModelState.AddErrors(result.Errors, prefix: string.Empty);
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(id, cancellationToken);
        if (account is null)
            return false;
        Account = account;
        History = await history.ForRecordAsync("User", account.Email, cancellationToken);
        return true;
    }
}
