using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>The real web app on its own SQLite file in a fresh temporary data directory.</summary>
public sealed class CatalogueFactory(string dataDirectory, bool loadSampleData) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Catalogue:DataDirectory", DataDirectory);
        builder.UseSetting("Catalogue:LoadSampleData", loadSampleData ? "true" : "false");
        // Run as deployed (no developer exception page), but keep the container's scope checks on.
        builder.UseEnvironment("Production");
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
