using System.Collections.Concurrent;

namespace Catalogue.Web.Pages.Account;

/// <summary>
/// Slows password guessing from one address. An account locks after five wrong passwords, but one password tried
/// against many accounts never locks any: after <see cref="MaxFailures"/> failed sign-ins from an address within
/// <see cref="Window"/>, that address may not try again until the window has passed.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> byAddress = new(StringComparer.Ordinal);

    /// <summary>How long the address must still wait, or null when it may try.</summary>
    public TimeSpan? WaitFor(string address)
    {
        var now = clock.GetUtcNow();
        return byAddress.TryGetValue(address, out var failures) && failures.Count >= MaxFailures && failures.Since + Window > now
            ? failures.Since + Window - now
            : null;
    }

    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        if (byAddress.Count > PruneAbove)
        {
            foreach (var (key, old) in byAddress)
            {
                if (old.Since + Window <= now)
                    byAddress.TryRemove(key, out _);
            }
        }

        byAddress.AddOrUpdate(address, _ => new Failures(now, 1),
            (_, failures) => failures.Since + Window <= now ? new Failures(now, 1) : failures with { Count = failures.Count + 1 });
    }

    private sealed record Failures(DateTimeOffset Since, int Count);
}
