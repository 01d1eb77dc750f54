using Catalogue.Core.Excavation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(Site.CodeMaxLength).IsRequired();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.ComplexProperty(s => s.Name, n => n.ConfigureLocalized(Site.NameMaxLength));
        builder.ComplexProperty(s => s.Description, n => n.ConfigureLocalized(Site.DescriptionMaxLength));
        builder.Property(s => s.Location).HasMaxLength(Site.LocationMaxLength);
        builder.Property(s => s.Latitude).HasPrecision(9, 6);
        builder.Property(s => s.Longitude).HasPrecision(9, 6);
        builder.HasMany(s => s.Areas).WithOne(a => a.Site).HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Areas).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ConfigureTracking();
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(Area.CodeMaxLength).IsRequired();
        builder.Property(a => a.SiteCode).HasMaxLength(Site.CodeMaxLength).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Description).HasMaxLength(Area.DescriptionMaxLength);
        builder.HasIndex(a => new { a.SiteId, a.Code }).IsUnique();
        builder.ConfigureTracking();
    }
}

internal sealed class ContextConfiguration : IEntityTypeConfiguration<Context>
{
    public void Configure(EntityTypeBuilder<Context> builder)
    {
        builder.ToTable("Contexts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.SiteCode).HasMaxLength(Site.CodeMaxLength).IsRequired();
        builder.HasIndex(c => new { c.SiteId, c.Number }).IsUnique();
        builder.HasOne(c => c.Site).WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Area).WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Period).WithMany().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Description).HasMaxLength(Context.DescriptionMaxLength);
        builder.Property(c => c.MunsellColour).HasMaxLength(Context.MunsellMaxLength);
        builder.Property(c => c.Composition).HasMaxLength(Context.CompositionMaxLength);
        builder.Property(c => c.Excavator).HasMaxLength(Context.ExcavatorMaxLength);
        builder.Property(c => c.Phase).HasMaxLength(Context.PhaseMaxLength);
        builder.Property(c => c.TopLevel).HasPrecision(8, 3);
        builder.Property(c => c.BottomLevel).HasPrecision(8, 3);
        builder.Ignore(c => c.Label);
        builder.Ignore(c => c.Reference);
        builder.ConfigureTracking();
    }
}

internal sealed class ContextRelationConfiguration : IEntityTypeConfiguration<ContextRelation>
{
    public void Configure(EntityTypeBuilder<ContextRelation> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SiteCode).HasMaxLength(Site.CodeMaxLength).IsRequired();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(64).IsRequired();
        builder.HasOne(r => r.From).WithMany().HasForeignKey(r => r.FromContextId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToContextId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.FromContextId, r.ToContextId, r.Type }).IsUnique();
        builder.HasIndex(r => r.SiteId);
        builder.HasIndex(r => r.ToContextId);
    }
}

internal sealed class FindConfiguration : IEntityTypeConfiguration<Find>
{
    public void Configure(EntityTypeBuilder<Find> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FindNumber).HasMaxLength(Find.NumberMaxLength).IsRequired();
        builder.HasIndex(f => f.FindNumber).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Context).WithMany().HasForeignKey(f => f.ContextId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Material).WithMany().HasForeignKey(f => f.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.ObjectType).WithMany().HasForeignKey(f => f.ObjectTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Artifact).WithOne(a => a.Find).HasForeignKey<Find>(f => f.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.ArtifactId).IsUnique();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.WeightGrams).HasPrecision(12, 3);
        builder.Property(f => f.X).HasPrecision(10, 3);
        builder.Property(f => f.Y).HasPrecision(10, 3);
        builder.Property(f => f.Z).HasPrecision(10, 3);
        builder.Property(f => f.RecordedBy).HasMaxLength(Find.RecordedByMaxLength);
        builder.Property(f => f.Notes).HasMaxLength(Find.NotesMaxLength);
        builder.HasIndex(f => new { f.SiteId, f.ContextId });
        builder.ConfigureTracking();
    }
}
