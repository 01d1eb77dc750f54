using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalogue.Benchmarks;

/// <summary>One measured number, e.g. <c>matrix.2000.ms</c> = 12.3 ms.</summary>
internal sealed record Metric(string Name, double Value, string Unit);

internal sealed record Machine(string Os, int Cpus, string Runtime)
{
    public static Machine Current => new(RuntimeInformation.OSDescription, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
}

/// <summary>The results file every suite writes: <c>bench-results/&lt;suite&gt;.json</c> under the current directory.</summary>
internal sealed record BenchmarkReport(string Suite, string Date, Machine Machine, object Corpus, IReadOnlyList<Metric> Metrics)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
        // The file is read by people and scripts, not embedded in HTML: keep "+" and "ệ" as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BenchmarkReport Create(string suite, object corpus, IReadOnlyList<Metric> metrics) =>
        new(suite, DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), Machine.Current, corpus, metrics);

    public async Task<string> WriteAsync()
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "bench-results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Suite + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json) + Environment.NewLine);
        return path;
    }
}

internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>A plain-text table with right-aligned numeric columns.</summary>
internal static class Table
{
    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        var lines = new List<string>
        {
            string.Join("  ", headers.Select((h, i) => h.PadLeft(widths[i]))),
            string.Join("  ", widths.Select(w => new string('-', w))),
        };
        lines.AddRange(all.Select(r => string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i])))));
        return string.Join(Environment.NewLine, lines);
    }
}
