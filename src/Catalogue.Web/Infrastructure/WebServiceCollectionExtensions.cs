using System.Text.Json.Serialization;
using Catalogue.Core;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalogue.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public const string SmartScheme = "CatalogueSmart";

    public static IServiceCollection AddCatalogueWeb(this IServiceCollection services)
    {
        services.AddCatalogueCore();
        services.AddHttpContextAccessor();
        services.AddProxySupport();
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser, HttpCurrentUser>());

        services.AddIdentity<CatalogueUser, IdentityRole>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<CatalogueDbContext>()
            .AddDefaultTokenProviders();
        // Role, claim and lockout changes reach signed-in users within a minute (their security stamp is re-checked).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "catalogue.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Scripts calling the API get status codes, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                // AddIdentity set the default authenticate scheme to the cookie alone, which would ignore Bearer tokens.
                options.DefaultAuthenticateScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultForbidScheme = SmartScheme;
            })
            // A token opens the API and IIIF only: on pages it would be a whole session, able to post forms and to
            // make new tokens that outlive its own revocation.
            .AddPolicyScheme(SmartScheme, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    IsMachineFacing(context.Request.Path)
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Configure);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(Languages.Configure);

        services.AddRazorPages()
            .AddMvcOptions(options =>
            {
                options.Filters.Add<AntiforgeryFailureFilter>();
                options.Filters.Add<UnreadableRequestFilter>();
                options.Filters.Add<TempDataBound>();
                options.ModelBinderProviders.Insert(0, new ChoiceModelBinder.Provider());
                options.ModelBinderProviders.Insert(0, new NumberModelBinder.Provider());
                // A value of the wrong kind (a word for a number or a date) is refused naming the field in words.
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) =>
                    $"'{Catalogue.Core.Common.Text.Shown(value, 40)}' is not a valid value for {FieldNames.Words(field)}.");
                // The address says which record a request is about: a form or query field of the same name (an empty
                // "Reference=", say) must not override it, which by default it does, the form being read first.
                var route = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                options.ValueProviderFactories.Remove(route);
                options.ValueProviderFactories.Insert(0, route);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(options => options.Cookie.Name = "catalogue.antiforgery");

        services.AddProblemDetails();
        // An API parameter that cannot be read as its kind is refused naming it (Api/UnreadableParameterHandler).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<Catalogue.Web.Api.UnreadableParameterHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddHealthChecks()
            .AddDbContextCheck<CatalogueDbContext>("database")
            .AddCheck<DataDirectoryHealthCheck>("data-directory")
            .AddCheck<SearchIndexHealthCheck>("search-index")
            .AddCheck<MediaStoreHealthCheck>("media-store")
            .AddCheck<AuditChainHealthCheck>("audit-chain");
        services.AddMemoryCache();
        services.AddSingleton<Pages.Account.SignInThrottle>();
        return services;
    }

    /// <summary>The JSON API and IIIF: they answer machines, with problem details rather than pages, and take API tokens.</summary>
    public static bool IsMachineFacing(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/iiif");

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsMachineFacing(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
