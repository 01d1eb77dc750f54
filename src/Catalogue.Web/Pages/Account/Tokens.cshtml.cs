using System.Security.Claims;
using Catalogue.Core.Users;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Account;

/// <summary>A signed-in user creates and revokes their own API tokens.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TokensModel(ApiTokens tokens, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(UserId, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await tokens.CreateAsync(UserId, Name, cancellationToken);
        if (result.Succeeded)
        {
            NewSecret = result.Value.Secret;
            Name = null;
            ModelState.Clear();
        }
        else
        {
            ModelState.AddErrors(result.Errors, prefix: string.Empty);
        }

        Tokens = await tokens.ListAsync(UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var result = await tokens.RevokeAsync(UserId, id, cancellationToken);
        if (!result.Succeeded)
            return NotFound();
        TempData["Message"] = l["The token was revoked; scripts using it are refused from now on."].Value;
        return RedirectToPage();
    }
}
