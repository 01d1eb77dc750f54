using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Catalogue.Web.Api;

/// <summary>
/// A parameter of the JSON API that cannot be read as its kind (<c>page=abc</c>) is answered as the API's other refusals
/// are: a 400 problem naming the parameter and the rule ("page must be a whole number ('abc' is not)."), where the
/// framework answered a bare 400 with no body. The endpoints throw instead of answering (RouteHandlerOptions
/// .ThrowOnBadRequest), and this handler writes the answer.
/// </summary>
public sealed partial class UnreadableParameterHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
            return false;

        var problem = Describe(bad.Message) is { } described
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [described.Name] = [described.Message] })
            : new ProblemDetails { Detail = bad.Message };
        problem.Status = bad.StatusCode;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The parameter and a message naming its rule, from the framework's 'Failed to bind parameter "Nullable&lt;int&gt; page" from "abc".'</summary>
    internal static (string Name, string Message)? Describe(string frameworkMessage)
    {
        var match = FailedToBind().Match(frameworkMessage);
        if (!match.Success)
            return null;
        var name = match.Groups["name"].Value;
        var value = Catalogue.Core.Common.Text.Shown(match.Groups["value"].Value, 40);
        var type = match.Groups["type"].Value.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>'))
            type = type["Nullable<".Length..^1];
        var kind = type switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
            "decimal" or "double" or "float" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateOnly" => "a date written yyyy-mm-dd",
            "DateTime" or "DateTimeOffset" => "a date and time",
            "Guid" => "an identifier",
            _ => "a value of its kind",
        };
        // A whole number too large for its kind is one all the same: say how large it may be.
        if (type is "int" or "Int32" && match.Groups["value"].Value.TrimStart('-') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
            return (name, $"{name} must be a whole number from {int.MinValue} to {int.MaxValue} ('{value}' is not).");
        return (name, $"{name} must be {kind} ('{value}' is not).");
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();
}
