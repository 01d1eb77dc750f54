using System.ComponentModel.DataAnnotations;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Users;

public sealed class CreateUserCommand
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? Password { get; set; }
}

public sealed record UserSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool IsLockedOut, DateTime CreatedAt, bool IsSeniorConservator = false);

/// <summary>Staff accounts: creation (including the first admin), roles, lockout and password resets.</summary>
public sealed class UserAdministration(CatalogueDbContext db, UserManager<CatalogueUser> users, TimeProvider clock)
{
    private static readonly SemaphoreSlim FirstAdminGate = new(1, 1);

    public async Task<CommandResult<CatalogueUser>> CreateAsync(CreateUserCommand command, CancellationToken cancellationToken = default)
    {
        var errors = Check(command).ToList();
        if (errors.Count > 0)
            return CommandResult<CatalogueUser>.Invalid(errors);

        var user = new CatalogueUser
        {
            Email = command.Email!.Trim(),
            UserName = command.Email!.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? null : command.DisplayName.Trim(),
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // The account and its role are stored together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
                return CommandResult<CatalogueUser>.Invalid(IdentityErrors(created));
            var role = await users.AddToRoleAsync(user, command.Role!);
            if (!role.Succeeded)
                return CommandResult<CatalogueUser>.Invalid(IdentityErrors(role));
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<CatalogueUser>.Success(user);
        });
    }

    /// <summary>Creates the first admin; refused once any admin exists, so the setup page cannot be replayed.</summary>
    public async Task<CommandResult<CatalogueUser>> CreateFirstAdminAsync(CreateUserCommand command, CancellationToken cancellationToken = default)
    {
        await FirstAdminGate.WaitAsync(cancellationToken);
        try
        {
            if (!await DatabaseInitializer.NeedsFirstAdminAsync(db, cancellationToken))
                return CommandResult<CatalogueUser>.Conflict("An administrator already exists; sign in instead.");
            command.Role = Roles.Admin;
            return await CreateAsync(command, cancellationToken);
        }
        finally
        {
            FirstAdminGate.Release();
        }
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var seniors = (await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == Roles.SeniorConservatorClaim).Select(c => c.UserId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return all.Select(u => new UserSummary(
            u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now, u.CreatedAt, seniors.Contains(u.Id))).ToList();
    }

    public async Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(u => u.Id == id);

    /// <summary>Replaces a user's roles; the last administrator cannot lose the admin role.</summary>
    public async Task<CommandResult<bool>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        // An empty value (a form posting "roles=") is unknown too, not a null that would slip past the check.
        if (roles.Any(r => !Roles.IsKnown(r)))
            return CommandResult<bool>.Invalid("Roles", $"Unknown role '{roles.First(r => !Roles.IsKnown(r))}'; roles are {string.Join(", ", Roles.All)}.");
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return CommandResult<bool>.NotFound("No such user.");
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await AdminCountAsync(cancellationToken) <= 1)
            return CommandResult<bool>.Invalid("Roles", "This is the last administrator: give another user the admin role first.");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
            if (!added.Succeeded)
                return CommandResult<bool>.Invalid(IdentityErrors(added));
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        });
    }

    /// <summary>Marks a conservator as senior (may approve and sign off treatments) or removes the mark.</summary>
    public async Task<CommandResult<bool>> SetSeniorConservatorAsync(string userId, bool senior, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return CommandResult<bool>.NotFound("No such user.");
        var claims = await users.GetClaimsAsync(user);
        var existing = claims.Where(c => c.Type == Roles.SeniorConservatorClaim).ToList();
        IdentityResult result;
        if (senior && existing.Count == 0)
        {
            if (!await users.IsInRoleAsync(user, Roles.Conservator))
                return CommandResult<bool>.Invalid("Senior", "Only a conservator can be a senior conservator.");
            result = await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.SeniorConservatorClaim, "true"));
        }
        else if (!senior && existing.Count > 0)
        {
            result = await users.RemoveClaimsAsync(user, existing);
        }
        else
        {
            return CommandResult<bool>.Success(true);
        }

        return result.Succeeded ? CommandResult<bool>.Success(true) : CommandResult<bool>.Invalid(IdentityErrors(result));
    }

    public async Task<CommandResult<bool>> SetLockedAsync(string userId, bool locked, string actingUserId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return CommandResult<bool>.NotFound("No such user.");
        if (locked && userId == actingUserId)
            return CommandResult<bool>.Invalid(string.Empty, "You cannot lock your own account.");
        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, locked ? CatalogueUser.LockedByAdministrator : null);
        if (result.Succeeded && !locked)
            await users.ResetAccessFailedCountAsync(user);
        return result.Succeeded ? CommandResult<bool>.Success(true) : CommandResult<bool>.Invalid(IdentityErrors(result));
    }

    public async Task<CommandResult<bool>> ResetPasswordAsync(string userId, string? newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return CommandResult<bool>.NotFound("No such user.");
        if (string.IsNullOrEmpty(newPassword))
            return CommandResult<bool>.Invalid("Password", "Password is required.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        return result.Succeeded ? CommandResult<bool>.Success(true) : CommandResult<bool>.Invalid(IdentityErrors(result));
    }

    private Task<int> AdminCountAsync(CancellationToken cancellationToken) =>
        db.UserRoles.CountAsync(r => r.RoleId == Roles.Admin, cancellationToken);

    private static IEnumerable<FieldError> Check(CreateUserCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Email))
            yield return new FieldError(nameof(command.Email), "Email is required.");
        else if (command.Email.Length > 256 || !new EmailAddressAttribute().IsValid(command.Email.Trim()))
            yield return new FieldError(nameof(command.Email), "Email must be a valid address of at most 256 characters.");
        if (command.DisplayName?.Length > CatalogueUser.DisplayNameMaxLength)
            yield return new FieldError(nameof(command.DisplayName), $"Display name must be at most {CatalogueUser.DisplayNameMaxLength} characters.");
        if (!Roles.IsKnown(command.Role))
            yield return new FieldError(nameof(command.Role), $"Role must be one of {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrEmpty(command.Password))
            yield return new FieldError(nameof(command.Password), "Password is required.");
    }

    private static IEnumerable<FieldError> IdentityErrors(IdentityResult result) =>
        result.Errors.Select(e => new FieldError(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
            : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
            : string.Empty,
            e.Description));
}
