using Catalogue.Core.Samples;
using Catalogue.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalogue.Core.Data;

/// <summary>Brings the database up to date on start: migrations, WAL, and the sample data on an empty catalogue.</summary>
public sealed class DatabaseInitializer(
    CatalogueDbContext db,
    SampleDataLoader samples,
    Media.IDerivativeBacklog derivatives,
    IOptions<CatalogueOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.DataDirectory);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        var sealedCount = await new Audit.AuditChain(db).SealUnlinkedAsync(cancellationToken);
        if (sealedCount > 0)
            logger.LogInformation("Linked {Count} earlier change-history entries into the audit chain", sealedCount);

        if (options.Value.LoadSampleData && !await db.Artifacts.AnyAsync(cancellationToken) && !await db.Terms.AnyAsync(cancellationToken))
        {
            var loaded = await samples.LoadAsync(options.Value.ResolvedSamplesDirectory, progress: null, cancellationToken);
            // The sample photographs are processed in the background as soon as the app runs.
            foreach (var sha256 in loaded.Images)
                await derivatives.EnqueueAsync(sha256, cancellationToken);
            logger.LogInformation(
                "Loaded the sample catalogue: {Terms} terms, {Artifacts} artifacts, {Finds} finds, {Reports} condition reports, {Treatments} treatments, {Locations} locations, {Moves} moves, {Exhibitions} exhibitions and {Loans} loans",
                loaded.Terms, loaded.Artifacts, loaded.Finds, loaded.ConditionReports, loaded.Treatments, loaded.Locations, loaded.Moves, loaded.Exhibitions, loaded.Loans);
        }
    }

    /// <summary>True while nobody holds the admin role: the first-run setup page is open.</summary>
    public static async Task<bool> NeedsFirstAdminAsync(CatalogueDbContext db, CancellationToken cancellationToken = default) =>
        !await db.Roles.Where(r => r.Name == Roles.Admin)
            .Join(db.UserRoles, r => r.Id, ur => ur.RoleId, (r, ur) => ur.UserId)
            .AnyAsync(cancellationToken);
}
