namespace Catalogue.Benchmarks;

/// <summary>A named set of measurements run from the command line.</summary>
internal interface IBenchmarkSuite
{
    /// <summary>The first command-line argument that selects the suite; also the name of its results file.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The options the suite accepts, for the usage message.</summary>
    string Options { get; }

    /// <summary>Runs the suite; returns the process exit code (2 for bad options).</summary>
    Task<int> RunAsync(IReadOnlyList<string> args);
}
