using System.Diagnostics.CodeAnalysis;

namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// A stored relation between two contexts of one site, by their keys. "From Above To", "From Cuts To",
/// "From Fills To" and "From Abuts To" each mean <see cref="From"/> is later than <see cref="To"/>;
/// "From SameAs To" means both keys name one context.
/// </summary>
public sealed record StratigraphicRelation(string From, StratigraphicRelationType Type, string To)
{
    /// <summary>
    /// The stored form of what a recorder entered as "<paramref name="context"/> <paramref name="choice"/>
    /// <paramref name="otherContext"/>": "5 below 3" becomes (3 Above 5). "Same as" puts the lower
    /// context number first, so either way of entering it is stored alike.
    /// </summary>
    public static StratigraphicRelation Create(string context, StratigraphicRelationChoice choice, string otherContext)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(otherContext);
        var (type, swapped) = choice.Canonical();
        var (from, to) = swapped ? (otherContext.Trim(), context.Trim()) : (context.Trim(), otherContext.Trim());
        if (type == StratigraphicRelationType.SameAs && ContextKeyComparer.Instance.Compare(from, to) > 0)
            (from, to) = (to, from);
        return new StratigraphicRelation(from, type, to);
    }

    /// <summary>
    /// Reads a statement such as "5 below 3", "12 cut by 14" or "7 same as 9" into its stored form
    /// (see <see cref="Create"/>). The first and last words are the context numbers.
    /// </summary>
    public static bool TryParse(string? statement, [NotNullWhen(true)] out StratigraphicRelation? relation)
    {
        relation = null;
        if (string.IsNullOrWhiteSpace(statement))
            return false;
        var words = statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !StratigraphicRelationChoices.TryParse(string.Join(' ', words[1..^1]), out var choice))
            return false;
        relation = Create(words[0], choice, words[^1]);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws a <see cref="FormatException"/> naming the accepted phrases.</summary>
    public static StratigraphicRelation Parse(string statement) =>
        TryParse(statement, out var relation)
            ? relation
            : throw new FormatException(
                $"\"{statement}\" is not a relation between two contexts; write e.g. \"5 below 3\" with one of: " +
                string.Join(", ", StratigraphicRelationChoices.All.Select(c => c.Phrase())) + ".");

    /// <summary>True when this relation orders the two contexts in time (all but "same as").</summary>
    public bool IsOrdering => Type.IsOrdering();

    /// <summary>The relation as read from <see cref="From"/>: "12 above 15".</summary>
    public string Describe() => $"{From} {Type.Phrase()} {To}";

    /// <summary>
    /// The relation as read from one of its contexts: from <see cref="To"/>, (12 Above 15) reads "15 below 12".
    /// </summary>
    public string DescribeFrom(string key) =>
        string.Equals(key, To, StringComparison.Ordinal) && !string.Equals(key, From, StringComparison.Ordinal)
            ? $"{To} {Type.InversePhrase()} {From}"
            : Describe();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
