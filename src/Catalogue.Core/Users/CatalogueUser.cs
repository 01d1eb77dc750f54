using Microsoft.AspNetCore.Identity;

namespace Catalogue.Core.Users;

/// <summary>A staff member who signs in.</summary>
public sealed class CatalogueUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The name shown on records this user created or changed.</summary>
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;

    /// <summary>The lockout end an administrator sets to lock an account until it is unlocked.</summary>
    public static readonly DateTimeOffset LockedByAdministrator = DateTimeOffset.MaxValue;

    /// <summary>
    /// Locked by an administrator, as opposed to locked for a while after failed sign-ins: only the first stops the
    /// user's API tokens, so that anyone typing wrong passwords for an e-mail cannot switch off its integrations.
    /// </summary>
    public bool IsLockedByAdministrator => LockoutEnd == LockedByAdministrator;
}
