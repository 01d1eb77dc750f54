using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Media;

/// <summary>One file of a folder and what became of it.</summary>
public sealed record FolderFileOutcome(string FileName, MediaOwnerKind? OwnerKind, string? OwnerKey, string? Sha256, string? Problem);

/// <summary>The report of a folder attached: files attached, files matched to no record, files refused.</summary>
public sealed record FolderAttachmentReport(IReadOnlyList<FolderFileOutcome> Files)
{
    public IEnumerable<FolderFileOutcome> Attached => Files.Where(f => f.Sha256 is not null);
    public IEnumerable<FolderFileOutcome> Unmatched => Files.Where(f => f.OwnerKey is null);
    public IEnumerable<FolderFileOutcome> Refused => Files.Where(f => f.OwnerKey is not null && f.Sha256 is null);
}

/// <summary>
/// Bulk attach: each file of a folder goes to the artifact or find its name starts with
/// ("TL.2023.0142.jpg", "TL.2023.0142_front.jpg", "TL.2023.0142 (2).jpg", "HD18-0042-a.jpg").
/// </summary>
public sealed class FolderAttachment(CatalogueDbContext db, MediaCommands commands)
{
    private static readonly char[] Separators = [' ', '_', '('];

    public async Task<FolderAttachmentReport> AttachAsync(string folder, bool recursive, IProgress<(int Done, int Total, string File)>? progress, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        var files = Directory.GetFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var accessions = (await db.Artifacts.Select(a => a.AccessionNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var finds = (await db.Finds.Select(f => f.FindNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<FolderFileOutcome>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            progress?.Report((i, files.Count, name));
            var match = Match(Path.GetFileNameWithoutExtension(name), accessions, finds);
            if (match is not { } owner)
            {
                outcomes.Add(new FolderFileOutcome(name, null, null, null, "No accession or find number matches the file name."));
                continue;
            }

            await using var content = File.OpenRead(files[i]);
            var result = await commands.AttachAsync(owner.Kind, owner.Key, content, name, cancellationToken: cancellationToken);
            outcomes.Add(result.Succeeded
                ? new FolderFileOutcome(name, owner.Kind, owner.Key, result.Value!.Sha256, null)
                : new FolderFileOutcome(name, owner.Kind, owner.Key, null, string.Join(" ", result.Errors.Select(e => e.Message))));
        }

        progress?.Report((files.Count, files.Count, string.Empty));
        return new FolderAttachmentReport(outcomes);
    }

    /// <summary>The record a file name names: the whole name, or the part before a space, underscore or bracket, or without a short "-a" suffix.</summary>
    public static (MediaOwnerKind Kind, string Key)? Match(string stem, IReadOnlySet<string> accessions, IReadOnlySet<string> finds)
    {
        var upper = stem.Trim().ToUpperInvariant();
        var cut = upper.IndexOfAny(Separators);
        var candidates = new List<string> { upper };
        if (cut > 0)
            candidates.Add(upper[..cut].Trim());
        foreach (var candidate in candidates.ToList())
        {
            var dash = candidate.LastIndexOf('-');
            if (dash > 0 && candidate.Length - dash - 1 is >= 1 and <= 3)
                candidates.Add(candidate[..dash]);
            var dot = candidate.LastIndexOf('.');
            if (dot > 0 && candidate.Length - dot - 1 is >= 1 and <= 3)
                candidates.Add(candidate[..dot]);
        }

        foreach (var candidate in candidates)
        {
            if (accessions.Contains(candidate))
                return (MediaOwnerKind.Artifact, candidate);
            if (finds.Contains(candidate))
                return (MediaOwnerKind.Find, candidate);
        }

        return null;
    }
}

/// <summary>A backlog that keeps nothing: for the command line, which makes derivatives itself with a progress bar.</summary>
public sealed class NoDerivativeBacklog : IDerivativeBacklog
{
    public ValueTask EnqueueAsync(string sha256, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
