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
/// <param name="Head">The last entry of the chain as walked (none for an empty chain): kept somewhere else, it lets a
/// later walk prove that no entry up to it was removed or changed, which the chain alone cannot show for its tail.</param>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenEntry, string? Reason, AuditHead? Head = null);

/// <summary>An entry of the chain named by its sequence number and hash, written <c>sequence:hash</c>.</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <summary>Reads <c>sequence:hash</c> (a positive number, a colon, 64 hexadecimal digits); null with the rule broken otherwise.</summary>
    public static AuditHead? Parse(string? text, out string? error)
    {
        error = null;
        var parts = (text ?? string.Empty).Trim().Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
        {
            error = "A head is written sequence:hash, a positive entry number, a colon and the entry's 64 hexadecimal digits (as verify-audit prints it).";
            return null;
        }

        return new AuditHead(sequence, parts[1].ToLowerInvariant());
    }
}

/// <summary>
/// Makes the change history tamper-evident: each entry carries a SHA-256 over its content and the
/// previous entry's hash, so changing, removing or reordering a stored entry breaks the chain from there on.
/// </summary>
public sealed class AuditChain(CatalogueDbContext db)
{
    public static readonly string Genesis = new('0', 64);
    private const int BatchSize = 2000;

    /// <summary>Walks the whole chain in order and names the first entry that does not check out.</summary>
    public Task<AuditVerification> VerifyAsync(IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(recorded: null, progress, cancellationToken);

    /// <summary>
    /// Walks the whole chain in order and names the first entry that does not check out; with a head recorded by an
    /// earlier walk, the chain must also still hold that entry, with the same hash. A chain whose last entries were
    /// deleted is otherwise whole: only a head kept outside the database shows that they are gone.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(AuditHead? recorded, IProgress<(long Done, long Total)>? progress = null, CancellationToken cancellationToken = default)
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
                else if (recorded is not null && entry.Sequence == recorded.Sequence && entry.Hash != recorded.Hash)
                    problem = "its hash is not the one recorded for it (the history was rewritten from here on)";
                if (problem is not null)
                    return new AuditVerification(false, checkedCount, entry.Sequence, $"Entry {entry.Sequence}: {problem}.", Head(previousHash, expected - 1));
                previousHash = entry.Hash;
                expected++;
            }

            after = batch[^1].Sequence;
            progress?.Report((checkedCount, total));
        }

        var head = Head(previousHash, expected - 1);
        if (recorded is not null && recorded.Sequence >= expected)
        {
            var ends = expected == 1 ? "the chain is empty" : $"the chain ends at entry {expected - 1}";
            var reason = $"Entry {expected}: {ends}, but entry {recorded.Sequence} was recorded as its head (entries {expected} to {recorded.Sequence} were removed).";
            return new AuditVerification(false, checkedCount, expected, reason, head);
        }

        return new AuditVerification(true, checkedCount, null, null, head);
    }

    private static AuditHead? Head(string hash, long sequence) => sequence == 0 ? null : new AuditHead(sequence, hash);

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
