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
}
