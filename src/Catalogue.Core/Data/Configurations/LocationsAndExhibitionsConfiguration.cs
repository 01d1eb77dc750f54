using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class StorageLocationConfiguration : IEntityTypeConfiguration<StorageLocation>
{
    public void Configure(EntityTypeBuilder<StorageLocation> builder)
    {
        builder.ToTable("Locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Code).HasMaxLength(StorageLocation.CodeMaxLength).IsRequired();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(StorageLocation.NameMaxLength).IsRequired();
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(l => l.Parent).WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureTracking();
    }
}

internal sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne(m => m.Artifact).WithMany().HasForeignKey(m => m.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.ArtifactAccessionNumber).HasMaxLength(32).IsRequired();
        builder.HasOne(m => m.FromLocation).WithMany().HasForeignKey(m => m.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.ToLocation).WithMany().HasForeignKey(m => m.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Loan).WithMany().HasForeignKey(m => m.LoanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.MovedBy).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(Movement.ReasonMaxLength).IsRequired();
        builder.HasIndex(m => new { m.ArtifactId, m.MovedAt });
        builder.HasIndex(m => m.ToLocationId);
    }
}

internal sealed class InventoryCheckConfiguration : IEntityTypeConfiguration<InventoryCheck>
{
    public void Configure(EntityTypeBuilder<InventoryCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne(c => c.Location).WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.LocationCode).HasMaxLength(StorageLocation.CodeMaxLength).IsRequired();
        builder.Property(c => c.CheckedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Ignore(c => c.Present);
        builder.Ignore(c => c.Missing);
        builder.Ignore(c => c.FoundHere);
        builder.HasMany(c => c.Items).WithOne(i => i.Check).HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InventoryItemConfiguration : IEntityTypeConfiguration<InventoryItem>
{
    public void Configure(EntityTypeBuilder<InventoryItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne(i => i.Artifact).WithMany().HasForeignKey(i => i.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.AccessionNumber).HasMaxLength(32).IsRequired();
        builder.Property(i => i.Result).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class ExhibitionConfiguration : IEntityTypeConfiguration<Exhibition>
{
    public void Configure(EntityTypeBuilder<Exhibition> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Code).HasMaxLength(Exhibition.CodeMaxLength).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.ComplexProperty(e => e.Title, t => t.ConfigureLocalized(Exhibition.TitleMaxLength));
        builder.ComplexProperty(e => e.Description, t => t.ConfigureLocalized(Exhibition.DescriptionMaxLength));
        builder.HasMany(e => e.Venues).WithOne(v => v.Exhibition).HasForeignKey(v => v.ExhibitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Venues).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_venues");
        builder.HasMany(e => e.Objects).WithOne(o => o.Exhibition).HasForeignKey(o => o.ExhibitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Objects).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_objects");
        builder.ConfigureTracking();
    }
}

internal sealed class ExhibitionVenueConfiguration : IEntityTypeConfiguration<ExhibitionVenue>
{
    public void Configure(EntityTypeBuilder<ExhibitionVenue> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Institution).HasMaxLength(200).IsRequired();
        builder.Property(v => v.City).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Country).HasMaxLength(100);
    }
}

internal sealed class ExhibitionObjectConfiguration : IEntityTypeConfiguration<ExhibitionObject>
{
    public void Configure(EntityTypeBuilder<ExhibitionObject> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasOne(o => o.Artifact).WithMany().HasForeignKey(o => o.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.ExhibitionId, o.ArtifactId }).IsUnique();
        builder.ComplexProperty(o => o.Label, t => t.ConfigureLocalized(Exhibition.LabelMaxLength));
    }
}

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(l => l.Reference).IsUnique();
        builder.Property(l => l.Direction).HasConversion<string>().HasMaxLength(8);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Institution).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Contact).HasMaxLength(500);
        builder.Property(l => l.Courier).HasMaxLength(200);
        builder.Property(l => l.Notes).HasMaxLength(2000);
        builder.HasOne(l => l.Exhibition).WithMany().HasForeignKey(l => l.ExhibitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Objects).WithOne(o => o.Loan).HasForeignKey(o => o.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Objects).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_objects");
        builder.Ignore(l => l.IsAway);
        builder.ConfigureTracking();
    }
}

internal sealed class LoanObjectConfiguration : IEntityTypeConfiguration<LoanObject>
{
    public void Configure(EntityTypeBuilder<LoanObject> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasOne(o => o.Artifact).WithMany().HasForeignKey(o => o.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.LoanId, o.ArtifactId }).IsUnique();
        builder.Property(o => o.InsuranceValue).HasPrecision(14, 2);
        builder.Property(o => o.Currency).HasMaxLength(3);
    }
}
