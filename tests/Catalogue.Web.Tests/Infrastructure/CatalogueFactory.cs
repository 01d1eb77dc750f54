using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>The real web app on its own SQLite file in a fresh temporary data directory.</summary>
public sealed class CatalogueFactory(string dataDirectory, bool loadSampleData) : WebApplicationFactory<Program>
{
    /// <summary>
    /// The institution's zone in every test app, as the shipped settings give it: seven hours ahead of UTC, so that a
    /// record dated by the day in UTC instead shows (for seven hours a day).
    /// </summary>
    public const string TimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>Today where the test apps' institution is.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, TimeZone));

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The app's clock, when a test needs another time of day than now (set before the app starts).</summary>
    public TimeProvider? Clock { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Catalogue:DataDirectory", DataDirectory);
        builder.UseSetting("Catalogue:LoadSampleData", loadSampleData ? "true" : "false");
        builder.UseSetting("Catalogue:TimeZone", TimeZone);
        // Run as deployed (no developer exception page), but keep the container's scope checks on.
        builder.UseEnvironment("Production");
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
