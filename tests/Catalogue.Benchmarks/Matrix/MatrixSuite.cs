using System.Diagnostics;
using System.Globalization;
using Catalogue.Core.Excavation.Stratigraphy;

namespace Catalogue.Benchmarks.Matrix;

/// <summary>
/// Times what a site's matrix page costs: <see cref="StratigraphyAnalysis.Check"/>, <see cref="HarrisMatrix.Build"/>
/// and <see cref="HarrisMatrixSvg.Render"/> on generated sites of the given sizes (median of the runs after a warm-up).
/// </summary>
internal sealed class MatrixSuite : IBenchmarkSuite
{
    private const int Seed = 20021010;

    public string Name => "matrix";

    public string Description => "Harris matrix: check, build (reduce, layer, order) and SVG of generated sites";

    public string Options => "[--sizes 2000,20000] [--runs 5]";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var sizes, out var runs, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync($"Usage: dotnet run -c Release --project tests/Catalogue.Benchmarks -- {Name} {Options}");
            return 2;
        }

        Console.WriteLine($"Harris matrix benchmark: sizes {string.Join(", ", sizes)}; median of {runs} runs after one warm-up.");
        var metrics = new List<Metric>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in sizes)
        {
            var (units, relations) = SyntheticSite.Generate(size, Seed + size);
            var problems = StratigraphyAnalysis.Check(units, relations);
            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"The generated site of {size} contexts is not sound: {problems[0].Message}");
                return 1;
            }

            Measure(units, relations, out _);
            var check = new List<double>();
            var build = new List<double>();
            var svg = new List<double>();
            var total = new List<double>();
            HarrisMatrix? matrix = null;
            var svgLength = 0;
            for (var run = 0; run < runs; run++)
            {
                var (c, b, s) = Measure(units, relations, out var result);
                (matrix, svgLength) = result;
                check.Add(c);
                build.Add(b);
                svg.Add(s);
                total.Add(c + b + s);
            }

            var prefix = $"matrix.{size}";
            metrics.Add(new Metric($"{prefix}.ms", Round(Statistics.Median(total)), "ms"));
            metrics.Add(new Metric($"{prefix}.check.ms", Round(Statistics.Median(check)), "ms"));
            metrics.Add(new Metric($"{prefix}.build.ms", Round(Statistics.Median(build)), "ms"));
            metrics.Add(new Metric($"{prefix}.svg.ms", Round(Statistics.Median(svg)), "ms"));
            rows.Add(
            [
                size.ToString("N0", CultureInfo.InvariantCulture),
                relations.Count.ToString("N0", CultureInfo.InvariantCulture),
                matrix!.Nodes.Count.ToString("N0", CultureInfo.InvariantCulture),
                matrix.Edges.Count.ToString("N0", CultureInfo.InvariantCulture),
                matrix.ImpliedRelationCount.ToString("N0", CultureInfo.InvariantCulture),
                matrix.Layers.Count.ToString("N0", CultureInfo.InvariantCulture),
                matrix.Phases.Count.ToString(CultureInfo.InvariantCulture),
                Ms(Statistics.Median(check)),
                Ms(Statistics.Median(build)),
                Ms(Statistics.Median(svg)),
                (svgLength / 1024.0).ToString("N0", CultureInfo.InvariantCulture),
                Ms(Statistics.Median(total)),
            ]);
        }

        Console.WriteLine();
        Console.WriteLine(Table.Format(
            ["contexts", "relations", "nodes", "edges", "implied", "rows", "phases", "check ms", "build ms", "svg ms", "svg KiB", "total ms"],
            rows));
        var path = await BenchmarkReport.Create(Name, new { sizes }, metrics).WriteAsync();
        Console.WriteLine();
        Console.WriteLine($"Results written to {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        return 0;
    }

    private static (double Check, double Build, double Svg) Measure(
        List<StratigraphicUnit> units, List<StratigraphicRelation> relations, out (HarrisMatrix Matrix, int SvgLength) result)
    {
        var clock = Stopwatch.StartNew();
        var problems = StratigraphyAnalysis.Check(units, relations);
        var check = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var built = HarrisMatrix.Build(units, relations);
        var build = clock.Elapsed.TotalMilliseconds;
        if (problems.Count > 0 || !built.Succeeded)
            throw new InvalidOperationException("The generated site should be sound.");

        clock.Restart();
        var svg = HarrisMatrixSvg.Render(built.Matrix, key => "/contexts/" + Uri.EscapeDataString(key));
        var draw = clock.Elapsed.TotalMilliseconds;
        result = (built.Matrix, svg.Length);
        return (check, build, draw);
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string Ms(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static bool TryParse(IReadOnlyList<string> args, out int[] sizes, out int runs, out string error)
    {
        sizes = [2000, 20000];
        runs = 5;
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sizes" when value is not null:
                    var parsed = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1)
                        .ToArray();
                    if (parsed.Length == 0 || parsed.Any(n => n < 0))
                    {
                        error = $"--sizes needs positive whole numbers separated by commas, not \"{value}\".";
                        return false;
                    }

                    sizes = parsed;
                    i++;
                    break;
                case "--runs" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1)
                    {
                        error = $"--runs needs a whole number of at least 1, not \"{value}\".";
                        return false;
                    }

                    i++;
                    break;
                default:
                    error = $"Unknown or incomplete option \"{args[i]}\".";
                    return false;
            }
        }

        return true;
    }
}
