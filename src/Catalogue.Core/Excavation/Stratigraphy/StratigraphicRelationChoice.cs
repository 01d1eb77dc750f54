namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// What a recorder picks on a context sheet: the relation read from the context being recorded.
/// Each choice maps to one stored <see cref="StratigraphicRelationType"/>, possibly with the two
/// contexts swapped, so a relation is stored once whichever side it was entered from.
/// </summary>
public enum StratigraphicRelationChoice
{
    Above = 0,
    Below = 1,
    Cuts = 2,
    CutBy = 3,
    Fills = 4,
    FilledBy = 5,
    Abuts = 6,
    AbuttedBy = 7,
    SameAs = 8,
}

/// <summary>The phrases of <see cref="StratigraphicRelationChoice"/> and the way back from a phrase.</summary>
public static class StratigraphicRelationChoices
{
    private static readonly Dictionary<string, StratigraphicRelationChoice> ByPhrase = new(StringComparer.OrdinalIgnoreCase)
    {
        ["above"] = StratigraphicRelationChoice.Above,
        ["over"] = StratigraphicRelationChoice.Above,
        ["below"] = StratigraphicRelationChoice.Below,
        ["under"] = StratigraphicRelationChoice.Below,
        ["cuts"] = StratigraphicRelationChoice.Cuts,
        ["cut by"] = StratigraphicRelationChoice.CutBy,
        ["fills"] = StratigraphicRelationChoice.Fills,
        ["filled by"] = StratigraphicRelationChoice.FilledBy,
        ["abuts"] = StratigraphicRelationChoice.Abuts,
        ["abutted by"] = StratigraphicRelationChoice.AbuttedBy,
        ["same as"] = StratigraphicRelationChoice.SameAs,
        ["="] = StratigraphicRelationChoice.SameAs,
    };

    /// <summary>Every choice, in the order a form should offer them.</summary>
    public static IReadOnlyList<StratigraphicRelationChoice> All { get; } = Enum.GetValues<StratigraphicRelationChoice>();

    /// <summary>The English phrase of a choice ("above", "cut by", ...); the UI localizes it.</summary>
    public static string Phrase(this StratigraphicRelationChoice choice)
    {
        var (type, swapped) = choice.Canonical();
        return type.PhraseFrom(!swapped);
    }

    /// <summary>
    /// The stored type of a choice and whether the two contexts swap places
    /// (true for "below", "cut by", "filled by", "abutted by").
    /// </summary>
    public static (StratigraphicRelationType Type, bool Swapped) Canonical(this StratigraphicRelationChoice choice) => choice switch
    {
        StratigraphicRelationChoice.Above => (StratigraphicRelationType.Above, false),
        StratigraphicRelationChoice.Below => (StratigraphicRelationType.Above, true),
        StratigraphicRelationChoice.Cuts => (StratigraphicRelationType.Cuts, false),
        StratigraphicRelationChoice.CutBy => (StratigraphicRelationType.Cuts, true),
        StratigraphicRelationChoice.Fills => (StratigraphicRelationType.Fills, false),
        StratigraphicRelationChoice.FilledBy => (StratigraphicRelationType.Fills, true),
        StratigraphicRelationChoice.Abuts => (StratigraphicRelationType.Abuts, false),
        StratigraphicRelationChoice.AbuttedBy => (StratigraphicRelationType.Abuts, true),
        StratigraphicRelationChoice.SameAs => (StratigraphicRelationType.SameAs, false),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown stratigraphic relation choice."),
    };

    /// <summary>
    /// Reads a phrase such as "below", "Cut by", "filled-by" or "same_as" (case, hyphens, underscores
    /// and repeated spaces do not matter; a leading "is" is ignored).
    /// </summary>
    public static bool TryParse(string? phrase, out StratigraphicRelationChoice choice)
    {
        choice = default;
        if (string.IsNullOrWhiteSpace(phrase))
            return false;
        var words = phrase.Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 1 && string.Equals(words[0], "is", StringComparison.OrdinalIgnoreCase))
            words = words[1..];
        return ByPhrase.TryGetValue(string.Join(' ', words), out choice);
    }
}
