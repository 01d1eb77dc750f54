using Microsoft.AspNetCore.Builder;
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

    /// <summary>More settings for the app, as an operator would put in its configuration (set before the app starts).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// The request header a test names the address a request comes from in, as a server sees its peer (the test
    /// server gives none). Honoured only when <see cref="PeersFromHeader"/> is set before the app starts.
    /// </summary>
    public const string PeerHeader = "X-Test-Peer";

    public bool PeersFromHeader { get; set; }

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
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (PeersFromHeader)
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerFromHeader>());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Gives a request the peer address its test header names, before the app's own pipeline sees it.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    context.Connection.RemoteIpAddress = peer;
                return following(context);
            });
            next(app);
        };
    }
}
