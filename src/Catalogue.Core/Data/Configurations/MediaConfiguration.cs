using Catalogue.Core.Artifacts;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
        // Content addressing: one row, and one file, per distinct original.
        builder.HasIndex(i => i.Sha256).IsUnique();
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(8);
        builder.Property(i => i.OriginalFileName).HasMaxLength(MediaImage.FileNameMaxLength).IsRequired();
        builder.Property(i => i.Camera).HasMaxLength(MediaImage.TextMaxLength);
        builder.Property(i => i.Photographer).HasMaxLength(MediaImage.TextMaxLength);
        builder.Property(i => i.Copyright).HasMaxLength(MediaImage.TextMaxLength);
        builder.ConfigureTracking();
    }
}

internal sealed class MediaLinkConfiguration : IEntityTypeConfiguration<MediaLink>
{
    public void Configure(EntityTypeBuilder<MediaLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne(l => l.Image).WithMany().HasForeignKey(l => l.MediaImageId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.OwnerKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Role).HasConversion<string>().HasMaxLength(8);
        builder.Property(l => l.OwnerKey).HasMaxLength(MediaLink.OwnerKeyMaxLength).IsRequired();
        builder.Property(l => l.AttachedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Artifact>().WithMany().HasForeignKey(l => l.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Find>().WithMany().HasForeignKey(l => l.FindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConditionReport>().WithMany().HasForeignKey(l => l.ConditionReportId).OnDelete(DeleteBehavior.Restrict);
        // A step removed from a treatment takes its image links with it; the images stay in the store.
        builder.HasOne<TreatmentStep>().WithMany().HasForeignKey(l => l.TreatmentStepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OwnerKind, l.OwnerKey });
        builder.ToTable(t => t.HasCheckConstraint("CK_MediaLinks_OneOwner",
            "(CASE WHEN ArtifactId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN FindId IS NULL THEN 0 ELSE 1 END) + " +
            "(CASE WHEN ConditionReportId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TreatmentStepId IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
