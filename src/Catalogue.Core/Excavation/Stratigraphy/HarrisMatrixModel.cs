using System.Diagnostics.CodeAnalysis;

namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// One box of the matrix: a context, or several contexts recorded as "same as" one another.
/// </summary>
/// <param name="Id">The lowest context number among <paramref name="MemberKeys"/>; edges refer to nodes by it.</param>
/// <param name="MemberKeys">The context numbers in the box, in number order (one unless "same as" joined them).</param>
/// <param name="Label">The members' labels joined with " = ", e.g. "12 = 15".</param>
/// <param name="Phase">The phase of the first member that has one.</param>
/// <param name="PhaseOrder">That member's phase order.</param>
/// <param name="Layer">The row, 0 at the top (the latest contexts); every edge goes to a higher layer.</param>
/// <param name="Position">The place within the row, 0 at the left.</param>
public sealed record HarrisMatrixNode(
    string Id, IReadOnlyList<string> MemberKeys, string Label, string? Phase, int? PhaseOrder, int Layer, int Position);

/// <summary>A line of the matrix: <paramref name="From"/> is directly later than <paramref name="To"/> (node ids).</summary>
public sealed record HarrisMatrixEdge(string From, string To);

/// <summary>A phase used by at least one node, for legends.</summary>
public sealed record HarrisMatrixPhase(string Name, int? Order);

/// <summary>The outcome of <see cref="HarrisMatrix.Build"/>: the matrix, or the problems that prevent it.</summary>
public sealed class HarrisMatrixResult
{
    private HarrisMatrixResult(HarrisMatrix? matrix, IReadOnlyList<StratigraphyProblem> problems)
    {
        Matrix = matrix;
        Problems = problems;
    }

    /// <summary>The matrix; null when <see cref="Problems"/> is not empty.</summary>
    public HarrisMatrix? Matrix { get; }

    /// <summary>The recording errors to fix first, as <see cref="StratigraphyAnalysis.Check"/> reports them.</summary>
    public IReadOnlyList<StratigraphyProblem> Problems { get; }

    /// <summary>True when the matrix could be drawn.</summary>
    [MemberNotNullWhen(true, nameof(Matrix))]
    public bool Succeeded => Matrix is not null;

    internal static HarrisMatrixResult Success(HarrisMatrix matrix) => new(matrix, []);

    internal static HarrisMatrixResult Failure(IReadOnlyList<StratigraphyProblem> problems) => new(null, problems);
}
