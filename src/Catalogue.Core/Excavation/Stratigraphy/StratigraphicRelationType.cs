namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// The kinds of stratigraphic relation as they are stored: each relation is kept once, read from
/// the later context (<c>From</c>) towards the earlier one (<c>To</c>), except <see cref="SameAs"/>,
/// which joins two records of one context.
/// </summary>
public enum StratigraphicRelationType
{
    /// <summary><c>From</c> lies above <c>To</c>, so <c>From</c> is later.</summary>
    Above = 0,

    /// <summary><c>From</c> (a cut) cuts through <c>To</c>, so <c>From</c> is later.</summary>
    Cuts = 1,

    /// <summary><c>From</c> (a fill) fills <c>To</c> (a cut), so <c>From</c> is later.</summary>
    Fills = 2,

    /// <summary><c>From</c> was built against <c>To</c>, so <c>From</c> is later.</summary>
    Abuts = 3,

    /// <summary><c>From</c> and <c>To</c> were recorded separately but are one and the same context.</summary>
    SameAs = 4,
}

/// <summary>How a stored relation reads from either of its two contexts.</summary>
public static class StratigraphicRelationTypeExtensions
{
    /// <summary>The phrase read from the <c>From</c> side: "above", "cuts", "fills", "abuts", "same as".</summary>
    public static string Phrase(this StratigraphicRelationType type) => type switch
    {
        StratigraphicRelationType.Above => "above",
        StratigraphicRelationType.Cuts => "cuts",
        StratigraphicRelationType.Fills => "fills",
        StratigraphicRelationType.Abuts => "abuts",
        StratigraphicRelationType.SameAs => "same as",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown stratigraphic relation type."),
    };

    /// <summary>The phrase read from the <c>To</c> side: "below", "cut by", "filled by", "abutted by", "same as".</summary>
    public static string InversePhrase(this StratigraphicRelationType type) => type switch
    {
        StratigraphicRelationType.Above => "below",
        StratigraphicRelationType.Cuts => "cut by",
        StratigraphicRelationType.Fills => "filled by",
        StratigraphicRelationType.Abuts => "abutted by",
        StratigraphicRelationType.SameAs => "same as",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown stratigraphic relation type."),
    };

    /// <summary>
    /// The phrase read from one side: <see cref="Phrase"/> when <paramref name="fromTheFromSide"/> is true,
    /// otherwise <see cref="InversePhrase"/>.
    /// </summary>
    public static string PhraseFrom(this StratigraphicRelationType type, bool fromTheFromSide) =>
        fromTheFromSide ? type.Phrase() : type.InversePhrase();

    /// <summary>True for the relations that put two contexts in time order (all but <see cref="StratigraphicRelationType.SameAs"/>).</summary>
    public static bool IsOrdering(this StratigraphicRelationType type) => type != StratigraphicRelationType.SameAs;
}
