using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Running behind a reverse proxy that ends TLS (nginx, a load balancer). The proxy tells the app, in X-Forwarded-For,
/// X-Forwarded-Proto and X-Forwarded-Host, who the visitor is and which address they used, and in X-Forwarded-Prefix
/// the sub-path it publishes the app under (/catalogue: every link then keeps to it); the app believes it only
/// from the proxies it is told to trust (Catalogue:TrustedProxies, addresses or networks such as 10.0.0.0/8; a proxy on
/// the same machine is trusted without saying). Then links that leave the page (IIIF ids, label QR codes) carry the
/// public https address, cookies are marked Secure, and sign-in attempts are counted per visitor rather than for the
/// proxy as a whole. From anyone else the headers are ignored: a visitor cannot claim another address.
/// </summary>
public static class ProxySetup
{
    public const string TrustedProxiesKey = "Catalogue:TrustedProxies";

    public static IServiceCollection AddProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                | ForwardedHeaders.XForwardedPrefix;
            foreach (var entry in configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [])
            {
                if (IPAddress.TryParse(entry, out var address))
                    options.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(entry, out var network))
                    options.KnownIPNetworks.Add(network);
                else
                    throw new OptionsValidationException(TrustedProxiesKey, typeof(ForwardedHeadersOptions),
                        [$"{TrustedProxiesKey}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8."]);
            }

            // A forwarded host is taken only among the hosts the app answers to, when they are listed.
            var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (hosts.Length > 0 && !hosts.Contains("*"))
                options.AllowedHosts = hosts;
        });
        return services;
    }
}
