using Catalogue.Core.Artifacts;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AccessionNumber).HasMaxLength(AccessionNumber.MaxLength).IsRequired();
        builder.HasIndex(a => a.AccessionNumber).IsUnique();
        builder.HasOne(a => a.ObjectType).WithMany().HasForeignKey(a => a.ObjectTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Period).WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(a => a.Title, t => t.ConfigureLocalized(Artifact.TitleMaxLength));
        builder.ComplexProperty(a => a.Description, t => t.ConfigureLocalized(Artifact.DescriptionMaxLength));
        builder.ComplexProperty(a => a.InscriptionTranslation, t => t.ConfigureLocalized(Artifact.InscriptionMaxLength));
        builder.Property(a => a.InscriptionText).HasMaxLength(Artifact.InscriptionMaxLength);
        builder.ComplexProperty(a => a.Dimensions, d =>
        {
            d.Property(x => x.Length).HasPrecision(10, 3);
            d.Property(x => x.Width).HasPrecision(10, 3);
            d.Property(x => x.Height).HasPrecision(10, 3);
            d.Property(x => x.Diameter).HasPrecision(10, 3);
            d.Property(x => x.Thickness).HasPrecision(10, 3);
            d.Property(x => x.Unit).HasMaxLength(4);
        });
        builder.ComplexProperty(a => a.Weight, w =>
        {
            w.Property(x => x.Value).HasPrecision(12, 3);
            w.Property(x => x.Unit).HasMaxLength(4);
        });
        builder.ComplexProperty(a => a.Dating, d => d.Property(x => x.Text).HasMaxLength(Dating.TextMaxLength));
        builder.Property(a => a.Provenance).HasMaxLength(Artifact.ProvenanceMaxLength);
        builder.Property(a => a.CreditLine).HasMaxLength(Artifact.CreditLineMaxLength);
        builder.Property(a => a.Rights).HasMaxLength(Artifact.RightsMaxLength);
        builder.Property(a => a.AccessionDate);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.UpdatedAt);
        builder.HasMany(a => a.Terms).WithOne(t => t.Artifact).HasForeignKey(t => t.ArtifactId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Terms).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ConfigureTracking();
    }
}

internal sealed class ArtifactTermConfiguration : IEntityTypeConfiguration<ArtifactTerm>
{
    public void Configure(EntityTypeBuilder<ArtifactTerm> builder)
    {
        builder.ToTable("ArtifactTerms");
        builder.HasKey(t => new { t.ArtifactId, t.Role, t.TermId });
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VocabularyTermConfiguration : IEntityTypeConfiguration<VocabularyTerm>
{
    public void Configure(EntityTypeBuilder<VocabularyTerm> builder)
    {
        builder.ToTable("Terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Vocabulary).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Code).HasMaxLength(VocabularyTerm.CodeMaxLength).IsRequired();
        builder.HasIndex(t => new { t.Vocabulary, t.Code }).IsUnique();
        builder.ComplexProperty(t => t.Label, l => l.ConfigureLocalized(VocabularyTerm.LabelMaxLength));
        builder.Property(t => t.AatId).HasMaxLength(12);
        builder.ConfigureTracking();
    }
}
