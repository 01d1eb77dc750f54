using Catalogue.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalogue.Core.Data;

/// <summary>The five roles exist in every database, created by the migrations (ids are the role names).</summary>
internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(r => new IdentityRole(r)
        {
            Id = r,
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = r,
        }));
}
