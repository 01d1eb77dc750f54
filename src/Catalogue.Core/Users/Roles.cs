namespace Catalogue.Core.Users;

/// <summary>The staff roles. Anonymous visitors have none and see the published catalogue only.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Curator = "curator";
    public const string Conservator = "conservator";
    public const string Archaeologist = "archaeologist";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Curator, Conservator, Archaeologist, Viewer];

    /// <summary>A conservator with this claim may approve and sign off treatments, as curators do.</summary>
    public const string SeniorConservatorClaim = "catalogue:senior-conservator";

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
