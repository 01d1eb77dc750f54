using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Catalogue.Core.Media;

/// <summary>An upload received into the store's incoming folder: not yet an original, deleted unless placed.</summary>
public sealed class IncomingFile(string path, string sha256, long length, byte[] head) : IDisposable
{
    public string Path { get; } = path;
    public string Sha256 { get; } = sha256;
    public long Length { get; } = length;
    public byte[] Head { get; } = head;

    public void Dispose()
    {
        if (File.Exists(Path))
            File.Delete(Path);
    }
}

/// <summary>
/// The media store under <c>&lt;DataDirectory&gt;/media</c>: originals addressed by their SHA-256 and never
/// modified, derivatives under a folder per derivative version, and the IIIF rendering cache. Paths are made
/// from hashes only; a file name from outside never becomes a path.
/// </summary>
public sealed partial class MediaStore(IOptions<CatalogueOptions> options)
{
    public string Root => Path.Combine(options.Value.DataDirectory, "media");

    private string Incoming => Path.Combine(Root, "incoming");

    public static bool IsSha256(string? value) => value is not null && Sha256Pattern().IsMatch(value);

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Tiff => "tif",
        ImageFormat.WebP => "webp",
        _ => "heif",
    };

    public string OriginalPath(string sha256, ImageFormat format) =>
        Path.Combine(Root, "originals", Checked(sha256)[..2], $"{sha256}.{Extension(format)}");

    public string DerivativeDirectory(string sha256, int version = DerivativeSpec.Version) =>
        Path.Combine(Root, "derivatives", $"v{version}", Checked(sha256)[..2], sha256);

    public string DerivativePath(string sha256, int longEdge, string extension) =>
        Path.Combine(DerivativeDirectory(sha256), $"{longEdge}.{(extension == "webp" ? "webp" : "jpg")}");

    private string FailureMarker(string sha256) => DerivativeDirectory(sha256) + ".failed";

    /// <summary>Where a large image's zoom copy lives: with its derivatives, of their version.</summary>
    public string ZoomCopyPath(string sha256) => Path.Combine(DerivativeDirectory(sha256), "zoom.tif");

    public bool HasZoomCopy(string sha256) => File.Exists(ZoomCopyPath(sha256));

    public string RenderCacheDirectory(string sha256) => Path.Combine(Root, "iiif-cache", Checked(sha256)[..2], sha256);

    /// <summary>True when every size and format of the current derivative version is on disk.</summary>
    public bool HasDerivatives(string sha256)
    {
        var directory = DerivativeDirectory(sha256);
        return Directory.Exists(directory) && DerivativeSpec.LongEdges.All(edge =>
            DerivativeSpec.Extensions.All(ext => File.Exists(Path.Combine(directory, $"{edge}.{ext}"))));
    }

    /// <summary>Why the derivatives of this image could not be made, if they could not.</summary>
    public string? DerivativeFailure(string sha256)
    {
        var marker = FailureMarker(sha256);
        return File.Exists(marker) ? File.ReadAllText(marker) : null;
    }

    /// <summary>Copies an upload into the incoming folder, hashing as it goes, and stops at <paramref name="maxBytes"/>.</summary>
    public async Task<IncomingFile?> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Incoming);
        var path = Path.Combine(Incoming, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[ImageSniffer.HeaderLength];
        var headLength = 0;
        long length = 0;
        var buffer = new byte[81920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    await file.DisposeAsync();
                    File.Delete(path);
                    return null;
                }

                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return new IncomingFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), length, head[..headLength]);
    }

    /// <summary>Moves a received file to its address; false when an identical original is already there (stored once).</summary>
    public bool PlaceOriginal(IncomingFile incoming, ImageFormat format)
    {
        var target = OriginalPath(incoming.Sha256, format);
        if (File.Exists(target))
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(incoming.Path, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }

        File.SetAttributes(target, FileAttributes.ReadOnly);
        return true;
    }

    /// <summary>Removes an original placed by a save that then failed, so a refused upload leaves nothing behind.</summary>
    public void RemovePlacedOriginal(string sha256, ImageFormat format)
    {
        var path = OriginalPath(sha256, format);
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
    }

    /// <summary>Writes derivatives into a temporary folder, then moves it into place whole.</summary>
    public void PublishDerivatives(string sha256, Action<string> write)
    {
        var final = DerivativeDirectory(sha256);
        var parent = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{sha256}.{Guid.NewGuid():N}");
        try
        {
            write(temporary);
            if (Directory.Exists(final))
                Directory.Delete(final, recursive: true);
            Directory.Move(temporary, final);
            File.Delete(FailureMarker(sha256));
        }
        finally
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>
    /// Writes the zoom copy beside the derivatives under a temporary name, then renames it into place, so a render
    /// never reads half a copy. The derivatives must be there (their folder is replaced whole when they are remade).
    /// </summary>
    public void PublishZoomCopy(string sha256, Action<string> write)
    {
        var final = ZoomCopyPath(sha256);
        var temporary = Path.Combine(Path.GetDirectoryName(final)!, $".zoom.{Guid.NewGuid():N}.tif");
        try
        {
            write(temporary);
            File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public void MarkDerivativesFailed(string sha256, string reason)
    {
        var marker = FailureMarker(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        File.WriteAllText(marker, reason);
    }

    /// <summary>Deletes derivative folders of versions other than the current one.</summary>
    public int RemoveOutdatedDerivatives()
    {
        var root = Path.Combine(Root, "derivatives");
        if (!Directory.Exists(root))
            return 0;
        var removed = 0;
        foreach (var folder in Directory.GetDirectories(root).Where(d => Path.GetFileName(d) != $"v{DerivativeSpec.Version}"))
        {
            Directory.Delete(folder, recursive: true);
            removed++;
        }

        return removed;
    }

    private static string Checked(string sha256) =>
        IsSha256(sha256) ? sha256 : throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
