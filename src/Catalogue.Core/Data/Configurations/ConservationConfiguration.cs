using Catalogue.Core.Conservation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class ConditionReportConfiguration : IEntityTypeConfiguration<ConditionReport>
{
    public void Configure(EntityTypeBuilder<ConditionReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasOne(r => r.Artifact).WithMany().HasForeignKey(r => r.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ArtifactId, r.ExaminedOn });
        builder.Property(r => r.Examiner).HasMaxLength(ConditionReport.ExaminerMaxLength).IsRequired();
        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Overall).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Hazards).HasMaxLength(ConditionReport.HazardsMaxLength);
        builder.Property(r => r.Recommendation).HasMaxLength(ConditionReport.TextMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(ConditionReport.TextMaxLength);
        builder.HasIndex(r => r.NextCheckDue);
        builder.HasOne(r => r.Loan).WithMany().HasForeignKey(r => r.LoanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Observations).WithOne(o => o.Report).HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Observations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Amendments).WithOne(a => a.Report).HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_amendments");
        builder.ConfigureTracking();
    }
}

internal sealed class ConditionObservationConfiguration : IEntityTypeConfiguration<ConditionObservation>
{
    public void Configure(EntityTypeBuilder<ConditionObservation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasOne(o => o.DamageType).WithMany().HasForeignKey(o => o.DamageTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Location).HasMaxLength(ConditionReport.LocationMaxLength);
        builder.Property(o => o.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Notes).HasMaxLength(ConditionReport.ObservationNotesMaxLength);
    }
}

internal sealed class TreatmentConfiguration : IEntityTypeConfiguration<Treatment>
{
    public void Configure(EntityTypeBuilder<Treatment> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(t => t.Reference).IsUnique();
        builder.HasOne(t => t.Artifact).WithMany().HasForeignKey(t => t.ArtifactId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Title).HasMaxLength(Treatment.TitleMaxLength).IsRequired();
        builder.Property(t => t.Proposal).HasMaxLength(Treatment.LongTextMaxLength);
        builder.Property(t => t.ProposedBy).HasMaxLength(Treatment.NameMaxLength).IsRequired();
        builder.Property(t => t.ApprovedBy).HasMaxLength(Treatment.NameMaxLength);
        builder.Property(t => t.SignedOffBy).HasMaxLength(Treatment.NameMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.Status);
        builder.Property(t => t.Conservators).HasMaxLength(Treatment.ConservatorsMaxLength);
        builder.Property(t => t.ConditionBefore).HasMaxLength(Treatment.LongTextMaxLength);
        builder.Property(t => t.ConditionAfter).HasMaxLength(Treatment.LongTextMaxLength);
        builder.Property(t => t.Outcome).HasMaxLength(Treatment.LongTextMaxLength);
        builder.HasMany(t => t.Steps).WithOne(s => s.Treatment).HasForeignKey(s => s.TreatmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Steps).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_steps");
        builder.HasMany(t => t.Amendments).WithOne(a => a.Treatment).HasForeignKey(a => a.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_amendments");
        builder.HasMany(t => t.Reviews).WithOne(r => r.Treatment).HasForeignKey(r => r.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_reviews");
        builder.Ignore(t => t.IsSignedOff);
        builder.Ignore(t => t.StepsEditable);
        builder.ConfigureTracking();
    }
}

internal sealed class TreatmentStepConfiguration : IEntityTypeConfiguration<TreatmentStep>
{
    public void Configure(EntityTypeBuilder<TreatmentStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne(s => s.StepType).WithMany().HasForeignKey(s => s.StepTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Description).HasMaxLength(TreatmentStep.DescriptionMaxLength);
        builder.Property(s => s.Notes).HasMaxLength(TreatmentStep.DescriptionMaxLength);
        builder.Property(s => s.PerformedBy).HasMaxLength(Treatment.NameMaxLength);
        builder.Property(s => s.MaterialsText).HasMaxLength(4000);
        builder.OwnsMany(s => s.Materials, m =>
        {
            m.ToTable("TreatmentMaterials");
            m.WithOwner().HasForeignKey("StepId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.Property(x => x.Product).HasMaxLength(200).IsRequired();
            m.Property(x => x.Concentration).HasMaxLength(50);
            m.Property(x => x.Solvent).HasMaxLength(100);
            m.Property(x => x.Batch).HasMaxLength(50);
        });
        builder.Navigation(s => s.Materials).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_materials");
    }
}

internal sealed class TreatmentAmendmentConfiguration : IEntityTypeConfiguration<TreatmentAmendment>
{
    public void Configure(EntityTypeBuilder<TreatmentAmendment> builder)
    {
        builder.HasKey(a => a.Id);
        AmendmentColumns.Configure(builder, Treatment.LongTextMaxLength);
    }
}

internal sealed class ConditionReportAmendmentConfiguration : IEntityTypeConfiguration<ConditionReportAmendment>
{
    public void Configure(EntityTypeBuilder<ConditionReportAmendment> builder)
    {
        builder.HasKey(a => a.Id);
        AmendmentColumns.Configure(builder, ConditionReport.TextMaxLength);
    }
}

internal static class AmendmentColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, int textMaxLength)
        where T : Amendment
    {
        builder.Property(a => a.Author).HasMaxLength(Amendment.AuthorMaxLength).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(Amendment.ReasonMaxLength).IsRequired();
        builder.Property(a => a.Section).HasMaxLength(Amendment.SectionMaxLength);
        builder.Property(a => a.Text).HasMaxLength(textMaxLength).IsRequired();
    }
}

internal sealed class TreatmentReviewConfiguration : IEntityTypeConfiguration<TreatmentReview>
{
    public void Configure(EntityTypeBuilder<TreatmentReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.ReviewedBy).HasMaxLength(Treatment.NameMaxLength).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(TreatmentReview.CommentMaxLength);
    }
}
