namespace Catalogue.Core.Common;

/// <summary>Who is acting: the signed-in user on the web, the operator on the command line.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    /// <summary>The name written into created/updated-by and the change history.</summary>
    string Name { get; }
}

/// <summary>An explicitly named actor, used by the command line, sample loading and tests.</summary>
public sealed class FixedCurrentUser(string name, string? userId = null) : ICurrentUser
{
    public string? UserId { get; } = userId;
    public string Name { get; } = name;
}
