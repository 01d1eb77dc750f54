using Microsoft.AspNetCore.Identity;

namespace Catalogue.Core.Users;

/// <summary>The password and lockout policy, the same for the web app and the command line.</summary>
public static class IdentitySetup
{
    public const int MinimumPasswordLength = 12;

    public static void Configure(IdentityOptions options)
    {
        // Length beats composition rules (NIST SP 800-63B): 12+ characters, not all the same few.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
