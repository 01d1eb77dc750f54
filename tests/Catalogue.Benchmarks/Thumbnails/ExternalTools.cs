using System.Diagnostics;
using Catalogue.Core.Media;

namespace Catalogue.Benchmarks.Thumbnails;

/// <summary>
/// The command lines the pipeline is compared with: vipsthumbnail (Debian's libvips-tools) and ImageMagick's convert
/// (Debian's imagemagick). Installed with apt-get only when missing, and only when running as root.
/// </summary>
internal sealed record ExternalTools(string? VipsThumbnail, string? VipsThumbnailVersion, string? Convert, string? ConvertVersion, IReadOnlyList<string> Notes)
{
    public static async Task<ExternalTools> FindAsync(bool install)
    {
        var notes = new List<string>();
        var (vips, vipsVersion) = FindVipsThumbnail();
        var (convert, convertVersion) = FindImageMagick();
        var missing = new List<string>();
        if (vips is null)
            missing.Add("libvips-tools");
        if (convert is null)
            missing.Add("imagemagick");
        if (missing.Count > 0 && install && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            Console.WriteLine($"Installing {string.Join(" and ", missing)} with apt-get for the comparison ...");
            await RunAsync("apt-get", ["update", "-qq"]);
            await RunAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", .. missing]);
            (vips, vipsVersion) = FindVipsThumbnail();
            (convert, convertVersion) = FindImageMagick();
        }

        if (vips is null)
            notes.Add("vipsthumbnail is NOT installed (Debian package libvips-tools): its metrics are left out of the report.");
        if (convert is null)
            notes.Add("ImageMagick's convert is NOT installed (Debian package imagemagick): its metrics are left out of the report.");
        return new ExternalTools(vips, vipsVersion, convert, convertVersion, notes);
    }

    /// <summary>
    /// The same work as the pipeline: the 1600 px image from the original (shrink-on-load, upright), then every size from
    /// it in WebP and JPEG at the same qualities, metadata stripped.
    /// </summary>
    public static void RunVipsThumbnail(string executable, string original, string directory)
    {
        Directory.CreateDirectory(directory);
        var largest = Path.Combine(directory, "largest.v");
        Run(executable, [original, "--size", "1600x1600>", "-o", largest]);
        // "strip" rather than "keep=none": Debian 12's vipsthumbnail is libvips 8.14, which has no "keep" yet.
        foreach (var edge in DerivativeSpec.LongEdges)
        {
            Run(executable, [largest, "--size", $"{edge}x{edge}>", "-o", Path.Combine(directory, $"{edge}.webp[Q=80,strip]")]);
            Run(executable, [largest, "--size", $"{edge}x{edge}>", "-o", Path.Combine(directory, $"{edge}.jpg[Q=85,optimize_coding,strip]")]);
        }
    }

    /// <summary>The same work in one convert command: auto-orient, then each size written in both formats from the one before.</summary>
    public static void RunImageMagick(string executable, string original, string directory)
    {
        Directory.CreateDirectory(directory);
        var args = new List<string> { original, "-auto-orient", "-colorspace", "sRGB", "-strip" };
        foreach (var edge in DerivativeSpec.LongEdges.OrderDescending())
        {
            args.AddRange(["-thumbnail", $"{edge}x{edge}>"]);
            args.AddRange(["-quality", "80", "-write", Path.Combine(directory, $"{edge}.webp")]);
            args.AddRange(["-quality", "85", "-write", Path.Combine(directory, $"{edge}.jpg")]);
        }

        args.Add("null:");
        Run(executable, args, ImageMagickPolicy.Value);
    }

    /// <summary>
    /// Debian's policy.xml caps ImageMagick's pixel cache (256 MiB memory, 1 GiB disk), which refuses a 100 MP TIFF with
    /// "cache resources exhausted". The benchmark gives convert a policy of its own (read first through
    /// MAGICK_CONFIGURE_PATH) with limits that fit the work, so the comparison measures speed, not the distribution's caps.
    /// </summary>
    private static readonly Lazy<string> ImageMagickPolicy = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), $"catalogue-bench-imagemagick-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "policy.xml"), """
            <policymap>
              <policy domain="resource" name="memory" value="2GiB"/>
              <policy domain="resource" name="map" value="4GiB"/>
              <policy domain="resource" name="disk" value="16GiB"/>
              <policy domain="resource" name="area" value="1GP"/>
            </policymap>
            """);
        return directory;
    });

    private static (string? Path, string? Version) FindVipsThumbnail()
    {
        foreach (var candidate in Candidates("vipsthumbnail"))
        {
            var version = Output(candidate, ["--vips-version"]);
            if (version is not null && version.Contains("vips", StringComparison.OrdinalIgnoreCase))
                return (candidate, version.Trim());
        }

        return (null, null);
    }

    /// <summary>A convert that really is ImageMagick (a stand-in script of the same name may come first on the PATH).</summary>
    private static (string? Path, string? Version) FindImageMagick()
    {
        foreach (var candidate in Candidates("convert").Concat(Candidates("magick")).Append("/usr/bin/convert").Distinct())
        {
            var version = Output(candidate, ["-version"]);
            if (version is not null && version.StartsWith("Version: ImageMagick", StringComparison.Ordinal))
                return (candidate, version.Split('\n')[0].Replace("Version: ", string.Empty, StringComparison.Ordinal).Trim());
        }

        return (null, null);
    }

    private static IEnumerable<string> Candidates(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).Where(File.Exists);

    private static string? Output(string executable, IEnumerable<string> args)
    {
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static void Run(string executable, IEnumerable<string> args, string? magickConfigurePath = null)
    {
        // Neither tool writes to standard output here; only its errors are read.
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, UseShellExecute = false };
        if (magickConfigurePath is not null)
            start.Environment["MAGICK_CONFIGURE_PATH"] = magickConfigurePath;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed ({process.ExitCode}): {errors.Trim()}");
    }

    private static async Task RunAsync(string executable, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            Console.WriteLine($"{executable} {string.Join(' ', args)} failed: {errors.Trim()}");
    }
}
