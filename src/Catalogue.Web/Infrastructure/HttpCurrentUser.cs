using System.Security.Claims;
using Catalogue.Core.Common;

namespace Catalogue.Web.Infrastructure;

/// <summary>The signed-in user of the current request; "system" for work outside a request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "system";
}
