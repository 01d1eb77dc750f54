using Catalogue.Core.Data;
using Catalogue.Web.Api;
using Catalogue.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCatalogueWeb();

var app = builder.Build();

// First, so that everything after it sees the visitor's address and scheme rather than the proxy's.
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseExceptionHandler("/Error");
// The JSON API and IIIF answer problems as JSON; pages re-render a friendly status page.
static bool IsMachineFacing(HttpContext c) => WebServiceCollectionExtensions.IsMachineFacing(c.Request.Path);
app.UseWhen(IsMachineFacing, api => api.UseStatusCodePages());
app.UseWhen(c => !IsMachineFacing(c), pages => pages.UseStatusCodePagesWithReExecute("/StatusCode/{0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
// An address that matches nothing is "not found" for everyone, rather than a sign-in prompt for visitors.
app.Use(async (context, next) =>
{
    if (context.GetEndpoint() is null)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    await next();
});
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapArtifactsApi();
app.MapSitesApi();
app.MapAuditApi();
app.MapConservationApi();
app.MapExhibitionsApi();
app.MapSearchApi();
app.MapIiifApi();
app.MapImagesApi();
app.MapHealthChecks("/health").AllowAnonymous();

// The database is migrated (and the sample catalogue loaded on first start) before the first request.
await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
