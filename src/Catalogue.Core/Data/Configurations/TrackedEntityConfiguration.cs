using Catalogue.Core.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal static class TrackedEntityConfiguration
{
    /// <summary>Created/updated columns and the application-managed concurrency token.</summary>
    public static void ConfigureTracking<T>(this EntityTypeBuilder<T> builder) where T : class, ITrackedEntity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    public static void ConfigureLocalized(this ComplexPropertyBuilder<LocalizedText> builder, int maxLength)
    {
        builder.Property(t => t.Vi).HasMaxLength(maxLength);
        builder.Property(t => t.Fr).HasMaxLength(maxLength);
        builder.Property(t => t.En).HasMaxLength(maxLength);
    }
}
