using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Audit;

/// <summary>The result of walking the audit chain.</summary>
/// <param name="Intact">Every entry's hash matches its content and links to the entry before it.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="FirstBrokenEntry">The sequence number of the first entry that fails, if any.</param>
/// <param name="Reason">What is wrong with that entry.</param>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenEntry, string? Reason);

/// <summary>
/// Makes the change history tamper-evident: each entry carries a SHA-256 over its content and the
/// previous entry's hash, so changing, removing or reordering a stored entry breaks the chain from there on.
/// </summary>
public sealed class AuditChain(CatalogueDbContext db)
{
    public static readonly string Genesis = new('0', 64);
    private const int BatchSize = 2000;

    /// <summary>Walks the whole chain in order and names the first entry that does not check out.</summary>
    public async Task<AuditVerification> VerifyAsync(IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = await db.AuditEntries.LongCountAsync(cancellationToken);
        var previousHash = Genesis;
        long expected = 1, checkedCount = 0, after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var entry in batch)
            {
                checkedCount++;
                string? problem = null;
                if (entry.Sequence != expected)
                    problem = expected < entry.Sequence
                        ? $"entries {expected} to {entry.Sequence - 1} are missing"
                        : $"sequence {entry.Sequence} appears where {expected} was expected";
                else if (entry.PreviousHash != previousHash)
                    problem = "it does not link to the entry before it (an entry was removed, inserted or changed)";
                else if (entry.Hash != ComputeHash(entry))
                    problem = "its content no longer matches its hash (it was changed after it was written)";
                if (problem is not null)
                    return new AuditVerification(false, checkedCount, entry.Sequence, $"Entry {entry.Sequence}: {problem}.");
                previousHash = entry.Hash;
                expected++;
            }

            after = batch[^1].Sequence;
            progress?.Report((checkedCount, total));
        }

        return new AuditVerification(true, checkedCount, null, null);
    }

    /// <summary>Gives chain links to entries written before the chain existed (an upgraded database).</summary>
    public async Task<int> SealUnlinkedAsync(CancellationToken cancellationToken = default)
    {
        var unlinked = await db.AuditEntries.Where(e => e.Hash == string.Empty).OrderBy(e => e.Sequence).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        if (unlinked.Count == 0)
            return 0;
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Hash != string.Empty).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, previous) = last is null ? (0L, Genesis) : (last.Sequence, last.Hash);
        foreach (var entry in unlinked)
        {
            entry.Link(++sequence, previous);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return unlinked.Count;
    }

    /// <summary>SHA-256 over the entry's content and the previous hash, as lowercase hex.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        // A JSON array is an unambiguous encoding: no field can run into the next.
        var content = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence,
            entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            entry.UserId,
            entry.UserName,
            entry.EntityType,
            entry.EntityKey,
            entry.Action.ToString(),
            entry.Changes,
            entry.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
