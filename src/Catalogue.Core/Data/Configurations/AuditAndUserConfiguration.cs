using Catalogue.Core.Audit;
using Catalogue.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.EntityKey).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Changes).IsRequired();
        builder.Ignore(e => e.FieldChanges);
        builder.Ignore(e => e.CreationOrder);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        builder.HasIndex(e => e.At);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        builder.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(16).IsRequired();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CatalogueUserConfiguration : IEntityTypeConfiguration<CatalogueUser>
{
    public void Configure(EntityTypeBuilder<CatalogueUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(CatalogueUser.DisplayNameMaxLength);
        builder.Ignore(u => u.Label);
    }
}
