using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Users;

/// <summary>Personal API tokens: created and revoked by their owner, checked on every API call.</summary>
public sealed class ApiTokens(CatalogueDbContext db, TimeProvider clock)
{
    public const int MaxActivePerUser = 20;

    public async Task<CommandResult<(ApiToken Token, string Secret)>> CreateAsync(string userId, string? name, CancellationToken cancellationToken = default)
    {
        name = string.IsNullOrWhiteSpace(name) ? "API token" : name.Trim();
        if (name.Length > ApiToken.NameMaxLength)
            return CommandResult<(ApiToken, string)>.Invalid("Name", $"Name must be at most {ApiToken.NameMaxLength} characters.");
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            return CommandResult<(ApiToken, string)>.NotFound("No such user.");
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken) >= MaxActivePerUser)
            return CommandResult<(ApiToken, string)>.Invalid("Name", $"You already have {MaxActivePerUser} active tokens; revoke one first.");
        var issued = ApiToken.Issue(userId, name, clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<(ApiToken, string)>.Success(issued);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; someone else's token is "not found".</summary>
    public async Task<CommandResult<bool>> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
            return CommandResult<bool>.NotFound("No such token.");
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<bool>.Success(true);
    }

    /// <summary>The user an active token belongs to, or null (also when an administrator has locked the account).</summary>
    public async Task<CatalogueUser?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
            return null;
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is not { IsActive: true, User: { } user } || user.IsLockedByAdministrator)
            return null;
        // Record use at most once a minute, so API traffic does not turn into a write per request.
        if (token.LastUsedAt is null || now.UtcDateTime - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.MarkUsed(now.UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }
}
