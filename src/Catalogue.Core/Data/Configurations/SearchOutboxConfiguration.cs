using Catalogue.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data.Configurations;

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> builder)
    {
        builder.ToTable("SearchOutbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasMaxLength(16).IsRequired();
    }
}
