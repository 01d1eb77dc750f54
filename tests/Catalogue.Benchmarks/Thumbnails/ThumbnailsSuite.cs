using System.Diagnostics;
using System.Globalization;
using Catalogue.Core.Media;
using NetVips;
using VipsImage = NetVips.Image;

namespace Catalogue.Benchmarks.Thumbnails;

/// <summary>
/// The image pipeline beside the command lines people would otherwise use: on generated camera-like 24-megapixel
/// JPEGs and a 100-megapixel TIFF, each tool makes every derivative size (200, 800, 1600 px long edge) in WebP and
/// JPEG. Reports time per image (one at a time), images per second with every core busy, the pipeline's peak memory
/// on the 100 MP TIFF (measured in a child process), and the ratios.
/// </summary>
internal sealed class ThumbnailsSuite : IBenchmarkSuite
{
    private const string DeriveOne = "--derive-one";
    private const string ZoomOne = "--zoom-one";

    public string Name => "thumbnails";

    public string Description => "Derivatives of 24 MP JPEGs and a 100 MP TIFF: the pipeline, vipsthumbnail and ImageMagick convert";

    public string Options => "[--images 6] [--megapixels 24] [--tiff-megapixels 100] [--no-install] [--keep]";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count == 3 && args[0] is DeriveOne or ZoomOne)
            return DeriveOneInThisProcess(args[0], args[1], args[2]);
        if (!TryParse(args, out var settings, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync($"Usage: dotnet run -c Release --project tests/Catalogue.Benchmarks -- {Name} {Options}");
            return 2;
        }

        VipsImageProcessor.Initialise();
        var tools = await ExternalTools.FindAsync(settings.Install);
        foreach (var note in tools.Notes)
            Console.WriteLine(note);

        var corpus = Path.Combine(Path.GetTempPath(), $"catalogue-bench-thumbnails-{Environment.ProcessId}");
        Directory.CreateDirectory(corpus);
        try
        {
            Console.WriteLine($"Generating {settings.Images} camera-like JPEGs of {settings.Megapixels} MP and a TIFF of {settings.TiffMegapixels} MP ...");
            var (jpegs, tiff) = GenerateCorpus(corpus, settings);
            var metrics = new List<Metric>();
            var rows = new List<IReadOnlyList<string>>();
            var processor = new VipsImageProcessor();

            // Warm-up: load libvips' modules and JIT the pipeline once, outside the measurement.
            processor.MakeDerivatives(jpegs[0], Path.Combine(corpus, "warm-up"), DerivativeSpec.LongEdges);

            var pipeline = jpegs.Select(j => Time(() => processor.MakeDerivatives(j, Output(corpus, "pipeline", j), DerivativeSpec.LongEdges))).ToList();
            var pipelineMs = Statistics.Median(pipeline);
            metrics.Add(new Metric("pipeline.ms_per_image", Math.Round(pipelineMs, 1), "ms"));
            var throughput = Throughput(processor, jpegs, corpus);
            metrics.Add(new Metric("pipeline.images_per_s", Math.Round(throughput, 2), "images/s"));
            var tiffMs = Time(() => processor.MakeDerivatives(tiff, Output(corpus, "pipeline", tiff), DerivativeSpec.LongEdges));
            metrics.Add(new Metric("pipeline.ms_100mp_tiff", Math.Round(tiffMs, 1), "ms"));
            var (peakMb, childMs) = await PeakMemoryAsync(tiff, Output(corpus, "peak", tiff));
            if (peakMb is { } peak)
                metrics.Add(new Metric("pipeline.peak_mb_100mp", Math.Round(peak, 1), "MB"));
            rows.Add(Row("pipeline (libvips in-process)", pipelineMs, tiffMs, throughput, peakMb));
            var zoomRows = await DeepZoomAsync(processor, jpegs, tiff, corpus, metrics);

            if (tools.VipsThumbnail is { } vipsthumbnail)
            {
                try
                {
                    var times = jpegs.Select(j => Time(() => ExternalTools.RunVipsThumbnail(vipsthumbnail, j, Output(corpus, "vipsthumbnail", j)))).ToList();
                    var ms = Statistics.Median(times);
                    var tiffTime = Time(() => ExternalTools.RunVipsThumbnail(vipsthumbnail, tiff, Output(corpus, "vipsthumbnail", tiff)));
                    metrics.Add(new Metric("vipsthumbnail.ms_per_image", Math.Round(ms, 1), "ms"));
                    metrics.Add(new Metric("vipsthumbnail.ms_100mp_tiff", Math.Round(tiffTime, 1), "ms"));
                    metrics.Add(new Metric("pipeline.time_vs_vipsthumbnail", Math.Round(pipelineMs / ms, 2), "ratio"));
                    rows.Add(Row("vipsthumbnail (command line)", ms, tiffTime, null, null));
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"vipsthumbnail failed, so its metrics are left out: {e.Message}");
                }
            }

            if (tools.Convert is { } convert)
            {
                var times = jpegs.Select(j => Time(() => ExternalTools.RunImageMagick(convert, j, Output(corpus, "imagemagick", j)))).ToList();
                var ms = Statistics.Median(times);
                metrics.Add(new Metric("imagemagick.ms_per_image", Math.Round(ms, 1), "ms"));
                metrics.Add(new Metric("imagemagick.time_vs_pipeline", Math.Round(ms / pipelineMs, 2), "ratio"));
                double? tiffTime = null;
                try
                {
                    tiffTime = Time(() => ExternalTools.RunImageMagick(convert, tiff, Output(corpus, "imagemagick", tiff)));
                    metrics.Add(new Metric("imagemagick.ms_100mp_tiff", Math.Round(tiffTime.Value, 1), "ms"));
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"ImageMagick could not make the 100 MP TIFF's derivatives: {e.Message}");
                }

                rows.Add(Row("ImageMagick convert -thumbnail", ms, tiffTime, null, null));
            }

            Console.WriteLine();
            Console.WriteLine(Table.Format(
                ["tool", $"ms per {settings.Megapixels:0.#} MP JPEG", $"ms per {settings.TiffMegapixels:0.#} MP TIFF", "images/s (all cores)", $"peak MB ({settings.TiffMegapixels:0.#} MP)"], rows));
            Console.WriteLine();
            Console.WriteLine("Each tool makes 200, 800 and 1600 px (long edge) in WebP and JPEG per image; times are medians of single images, one at a time.");
            Console.WriteLine("Targets: pipeline no more than 1.2x vipsthumbnail's time, at least 3x faster than ImageMagick, under 200 MB on the 100 MP TIFF.");
            Console.WriteLine();
            Console.WriteLine(Table.Format(["deep zoom", "ms"], zoomRows));
            Console.WriteLine("A large image's zoom copy (a tiled pyramid) is made in the background after its derivatives; the viewer's tiles are then read from it.");
            foreach (var metric in metrics)
                Console.WriteLine($"  {metric.Name} = {metric.Value.ToString(CultureInfo.InvariantCulture)} {metric.Unit}");

            var path = await BenchmarkReport.Create(Name, new
            {
                jpegs = jpegs.Count,
                jpegMegapixels = settings.Megapixels,
                tiffMegapixels = settings.TiffMegapixels,
                sizes = DerivativeSpec.LongEdges,
                formats = DerivativeSpec.Extensions,
                libvips = NetVips.NetVips.Version(0) + "." + NetVips.NetVips.Version(1) + "." + NetVips.NetVips.Version(2),
                vipsthumbnail = tools.VipsThumbnailVersion ?? "absent (Debian package libvips-tools)",
                imagemagick = tools.ConvertVersion ?? "absent (Debian package imagemagick)",
                peakMeasuredInChildProcessMs = childMs,
            }, metrics).WriteAsync();
            Console.WriteLine();
            Console.WriteLine($"Results written to {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            return 0;
        }
        finally
        {
            if (!settings.Keep)
                Directory.Delete(corpus, recursive: true);
        }
    }

    /// <summary>
    /// The zoom copies (made after the derivatives, so not part of the pipeline's time above) and what they buy: the
    /// tiles a deep-zoom viewer asks for over a 24 MP JPEG and the 100 MP TIFF, rendered from the original and from its
    /// zoom copy (libvips' cache on, as in the app: a JPEG decoded once serves its next tiles while it stays cached).
    /// </summary>
    private static async Task<List<IReadOnlyList<string>>> DeepZoomAsync(VipsImageProcessor processor, List<string> jpegs, string tiff, string corpus, List<Metric> metrics)
    {
        Directory.CreateDirectory(Path.Combine(corpus, "zoom"));
        Directory.CreateDirectory(Path.Combine(corpus, "zoom-peak"));
        var copyMs = Statistics.Median(jpegs.Select(j => Time(() => processor.MakeZoomCopy(j, Output(corpus, "zoom", j) + ".tif"))).ToList());
        var tiffCopy = Output(corpus, "zoom", tiff) + ".tif";
        var tiffCopyMs = Time(() => processor.MakeZoomCopy(tiff, tiffCopy));
        var (peakMb, _) = await PeakMemoryAsync(ZoomOne, tiff, Output(corpus, "zoom-peak", tiff) + ".tif");

        var jpeg = TileTimes(processor, jpegs[0], Output(corpus, "zoom", jpegs[0]) + ".tif");
        var scan = TileTimes(processor, tiff, tiffCopy);
        metrics.Add(new Metric("zoom.copy_ms_per_image", Math.Round(copyMs, 1), "ms"));
        metrics.Add(new Metric("zoom.copy_ms_100mp_tiff", Math.Round(tiffCopyMs, 1), "ms"));
        if (peakMb is { } peak)
            metrics.Add(new Metric("zoom.copy_peak_mb_100mp", Math.Round(peak, 1), "MB"));
        foreach (var (name, times) in new[] { ("", jpeg), ("_100mp_tiff", scan) })
        {
            metrics.Add(new Metric($"zoom.viewer_ms_from_original{name}", Math.Round(times.Original.Sum(), 1), "ms"));
            metrics.Add(new Metric($"zoom.viewer_ms_from_copy{name}", Math.Round(times.Copy.Sum(), 1), "ms"));
            metrics.Add(new Metric($"zoom.slowest_tile_ms_from_original{name}", Math.Round(times.Original.Max(), 1), "ms"));
            metrics.Add(new Metric($"zoom.slowest_tile_ms_from_copy{name}", Math.Round(times.Copy.Max(), 1), "ms"));
        }

        string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
        IReadOnlyList<string> Tiles(string what, List<double> times) => [$"{what}: {times.Count} tiles (median {Ms(Statistics.Median(times))}, slowest {Ms(times.Max())})", Ms(times.Sum())];
        return
        [
            ["zoom copy of a 24 MP JPEG (median)", Ms(copyMs)],
            ["zoom copy of the 100 MP TIFF", Ms(tiffCopyMs)],
            ["zoom copy of the 100 MP TIFF: peak MB", peakMb is { } p ? Ms(p) : "—"],
            Tiles("viewer tile of a 24 MP JPEG, from the original", jpeg.Original),
            Tiles("viewer tile of a 24 MP JPEG, from its zoom copy", jpeg.Copy),
            Tiles("viewer tile of the 100 MP TIFF, from the original", scan.Original),
            Tiles("viewer tile of the 100 MP TIFF, from its zoom copy", scan.Copy),
        ];
    }

    /// <summary>
    /// The tiles a viewer asks for as someone zooms in (the whole image, eight tiles at a quarter, eight at full size),
    /// each timed rendered from the original and from the zoom copy, in that order, as the app renders them.
    /// </summary>
    private static (List<double> Original, List<double> Copy) TileTimes(VipsImageProcessor processor, string original, string zoomCopy)
    {
        using var first = NetVips.Image.NewFromFile(zoomCopy);
        var (width, height) = (first.Width, first.Height);
        var tiles = new List<(PixelRegion Region, int Width, int Height)> { (new PixelRegion(0, 0, width, height), 512, (int)Math.Round(512.0 * height / width)) };
        foreach (var scale in new[] { 4, 1 })
        {
            var span = Math.Min(512 * scale, Math.Min(width, height));
            for (var i = 0; i < 8; i++)
                tiles.Add((new PixelRegion((i % 4) * (width - span) / 3, (i / 4) * (height - span), span, span), 512, 512));
        }

        return (tiles.Select(t => Time(() => processor.Render(original, t.Region, t.Width, t.Height, RenderFormat.Jpeg))).ToList(),
            tiles.Select(t => Time(() => processor.RenderFromZoomCopy(zoomCopy, t.Region, t.Width, t.Height, RenderFormat.Jpeg))).ToList());
    }

    private static (List<string> Jpegs, string Tiff) GenerateCorpus(string corpus, Settings settings)
    {
        var (width, height) = Size(settings.Megapixels);
        var jpegs = new List<string>();
        for (var i = 0; i < settings.Images; i++)
        {
            var path = Path.Combine(corpus, $"camera-{i + 1:00}.jpg");
            using var picture = SyntheticImages.Picture(width, height, $"camera-{i}", noise: true);
            // Every other photograph was taken on its side, as cameras record it.
            using var tagged = SyntheticImages.WithExif(picture, i % 2 == 0 ? 1 : 6, new ImageMetadata(DateTime.UtcNow, "Benchmark camera", null, null));
            tagged.Jpegsave(path, q: 90);
            jpegs.Add(path);
        }

        var (tiffWidth, tiffHeight) = Size(settings.TiffMegapixels);
        var tiff = Path.Combine(corpus, "scan-100mp.tif");
        using (var scan = SyntheticImages.Picture(tiffWidth, tiffHeight, "scan", noise: true))
            scan.Tiffsave(tiff, compression: Enums.ForeignTiffCompression.None);
        return (jpegs, tiff);
    }

    private static (int Width, int Height) Size(double megapixels)
    {
        var width = (int)Math.Round(Math.Sqrt(megapixels * 1e6 * 3 / 2));
        return (width, (int)Math.Round(width * 2 / 3.0));
    }

    /// <summary>Every core busy: as many images at once as there are processors, libvips' own threads shared among them.</summary>
    private static double Throughput(VipsImageProcessor processor, List<string> jpegs, string corpus)
    {
        var work = Enumerable.Range(0, Math.Max(jpegs.Count, Environment.ProcessorCount * 2)).Select(i => jpegs[i % jpegs.Count]).ToList();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(work.Select((path, i) => (path, i)), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            item => processor.MakeDerivatives(item.path, Path.Combine(corpus, "throughput", item.i.ToString(CultureInfo.InvariantCulture)), DerivativeSpec.LongEdges));
        return work.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the pipeline on one file in a child process and reads its peak resident memory (VmHWM).</summary>
    private static async Task<(double? PeakMb, double? Ms)> PeakMemoryAsync(string file, string output) => await PeakMemoryAsync(DeriveOne, file, output);

    /// <summary>As above, for one of the child modes (<see cref="DeriveOne"/>, <see cref="ZoomOne"/>).</summary>
    private static async Task<(double? PeakMb, double? Ms)> PeakMemoryAsync(string mode, string file, string output)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(ThumbnailsSuite).Assembly.Location);
        foreach (var arg in new[] { "thumbnails", mode, file, output })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var values = text.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        if (child.ExitCode != 0 || !values.TryGetValue("peak_kb", out var peakKb))
        {
            Console.WriteLine($"The peak-memory child process failed (exit {child.ExitCode}): {await child.StandardError.ReadToEndAsync()}");
            return (null, null);
        }

        return (peakKb / 1024, values.GetValueOrDefault("ms"));
    }

    private static int DeriveOneInThisProcess(string mode, string file, string output)
    {
        var clock = Stopwatch.StartNew();
        if (mode == ZoomOne)
            new VipsImageProcessor().MakeZoomCopy(file, output);
        else
            new VipsImageProcessor().MakeDerivatives(file, output, DerivativeSpec.LongEdges);
        var ms = clock.Elapsed.TotalMilliseconds;
        var peak = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = long.Parse(peak["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_kb={kb} ms={ms:0.0}"));
        return 0;
    }

    private static string Output(string corpus, string tool, string file) => Path.Combine(corpus, tool, Path.GetFileNameWithoutExtension(file));

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string[] Row(string tool, double ms, double? tiffMs, double? perSecond, double? peakMb) =>
    [
        tool,
        ms.ToString("0.0", CultureInfo.InvariantCulture),
        tiffMs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—",
        perSecond?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—",
        peakMb?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—",
    ];

    private sealed record Settings(int Images, double Megapixels, double TiffMegapixels, bool Install, bool Keep);

    private static bool TryParse(IReadOnlyList<string> args, out Settings settings, out string error)
    {
        settings = new Settings(6, 24, 100, Install: true, Keep: false);
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--images" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    settings = settings with { Images = n };
                    break;
                case "--megapixels" when double.TryParse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mp) && mp > 0:
                    settings = settings with { Megapixels = mp };
                    break;
                case "--tiff-megapixels" when double.TryParse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tmp) && tmp > 0:
                    settings = settings with { TiffMegapixels = tmp };
                    break;
                case "--no-install":
                    settings = settings with { Install = false };
                    break;
                case "--keep":
                    settings = settings with { Keep = true };
                    break;
                default:
                    error = $"Unknown or invalid option '{args[i]}'.";
                    return false;
            }
        }

        return true;
    }
}
