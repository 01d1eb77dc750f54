namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>What kind of recording error a <see cref="StratigraphyProblem"/> reports.</summary>
public enum StratigraphyProblemKind
{
    /// <summary>A context has no number.</summary>
    BlankContextNumber = 0,

    /// <summary>Two contexts of the site share a number.</summary>
    DuplicateContext = 1,

    /// <summary>A relation names a context that is not recorded on the site.</summary>
    UnknownContext = 2,

    /// <summary>A relation joins a context to itself.</summary>
    SelfRelation = 3,

    /// <summary>Two relations put the same two contexts in opposite order (A above B, B cuts A).</summary>
    Contradiction = 4,

    /// <summary>A longer chain of "later than" comes back to where it started.</summary>
    Cycle = 5,

    /// <summary>Two records of one context ("same as") are also put in time order.</summary>
    SameAsOrdered = 6,

    /// <summary>A proposed relation is already recorded (possibly entered from the other side).</summary>
    AlreadyRecorded = 7,
}

/// <summary>
/// A recording error found in a site's stratigraphy, worded for the archaeologist who must fix it.
/// </summary>
/// <param name="Message">One or two sentences naming the contexts and the relations involved.</param>
/// <param name="Chain">
/// The context keys involved, in order. For a cycle, the path that comes back to its start
/// (e.g. 1, 2, 3, 1); where the path passes between two records of one context ("same as")
/// both keys appear next to each other and <see cref="Message"/> says which are the same.
/// </param>
public sealed record StratigraphyProblem(string Message, IReadOnlyList<string> Chain)
{
    /// <summary>What kind of error this is.</summary>
    public StratigraphyProblemKind Kind { get; init; }

    /// <summary>The recorded (or proposed) relations at fault, so a form can point at them.</summary>
    public IReadOnlyList<StratigraphicRelation> Relations { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => Message;
}
