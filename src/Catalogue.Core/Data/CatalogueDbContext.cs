using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Media;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Data;

/// <summary>The catalogue's database: the records, the change history and the sign-in tables.</summary>
public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options)
    : IdentityDbContext<CatalogueUser, IdentityRole, string>(options)
{
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<VocabularyTerm> Terms => Set<VocabularyTerm>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Context> Contexts => Set<Context>();
    public DbSet<ContextRelation> ContextRelations => Set<ContextRelation>();
    public DbSet<Find> Finds => Set<Find>();
    public DbSet<ConditionReport> ConditionReports => Set<ConditionReport>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<StorageLocation> Locations => Set<StorageLocation>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<InventoryCheck> InventoryChecks => Set<InventoryCheck>();
    public DbSet<Exhibition> Exhibitions => Set<Exhibition>();
    public DbSet<Loan> Loans => Set<Loan>();
    public DbSet<Search.SearchOutboxEntry> SearchOutbox => Set<Search.SearchOutboxEntry>();
    public DbSet<MediaImage> MediaImages => Set<MediaImage>();
    public DbSet<MediaLink> MediaLinks => Set<MediaLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogueDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite loses the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
