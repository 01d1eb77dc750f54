using System.Security.Cryptography;
using System.Text;

namespace Catalogue.Core.Users;

/// <summary>
/// A personal API token. Only its SHA-256 hash is stored; the token itself is shown once at creation.
/// Tokens carry 256 random bits, so a plain (unsalted) hash is enough to make a stolen table useless.
/// </summary>
public sealed class ApiToken : Common.IAudited
{
    public const string Prefix = "cat_";
    public const int NameMaxLength = 100;

    private ApiToken()
    {
        UserId = string.Empty;
        Name = string.Empty;
        Hash = string.Empty;
        Hint = string.Empty;
    }

    private ApiToken(string userId, string name, string hash, string hint, DateTime createdAt)
    {
        UserId = userId;
        Name = name;
        Hash = hash;
        Hint = hint;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; }
    public CatalogueUser? User { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public string Hint { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    string Common.IAudited.AuditType => "ApiToken";

    /// <summary>Tokens are recorded by owner and hint, never by their secret or its hash.</summary>
    string Common.IAudited.AuditKey => $"{UserId}/{Hint}";

    /// <summary>Creates a token; returns the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, DateTime now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(userId, name.Trim(), HashOf(secret), secret[..(Prefix.Length + 6)], now), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void MarkUsed(DateTime now) => LastUsedAt = now;
}
