using Catalogue.Core.Users;
using Microsoft.AspNetCore.Authorization;

namespace Catalogue.Web.Infrastructure;

/// <summary>The authorization policies every page and endpoint names explicitly.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member (any role).</summary>
    public const string Staff = "Staff";

    /// <summary>Curators and admins: create, edit and publish catalogue records.</summary>
    public const string EditCatalogue = "EditCatalogue";

    /// <summary>Archaeologists and admins: sites, contexts, stratigraphic relations and the finds register.</summary>
    public const string RecordExcavation = "RecordExcavation";

    /// <summary>Conservators and admins: condition reports, treatments, steps and amendments.</summary>
    public const string Conserve = "Conserve";

    /// <summary>Curators, senior conservators and admins: approve and sign off treatments.</summary>
    public const string ApproveTreatment = "ApproveTreatment";

    /// <summary>Admins: vocabularies and users.</summary>
    public const string Admin = "Admin";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(EditCatalogue, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Curator));
        options.AddPolicy(RecordExcavation, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Archaeologist));
        options.AddPolicy(Conserve, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Conservator));
        options.AddPolicy(ApproveTreatment, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.CanApproveTreatments()));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        // A page or endpoint that forgets to name a policy is staff-only, never public.
        options.FallbackPolicy = options.GetPolicy(Staff);
    }

    public static bool IsStaff(this System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Roles.All.Any(user.IsInRole);

    public static bool CanRecordExcavation(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Archaeologist);

    public static bool CanConserve(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Conservator);

    public static bool CanApproveTreatments(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Curator) ||
        (user.IsInRole(Roles.Conservator) && user.HasClaim(Roles.SeniorConservatorClaim, "true"));

    public static bool CanEditCatalogue(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Curator);
}
