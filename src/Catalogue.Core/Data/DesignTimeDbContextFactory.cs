using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Catalogue.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting an app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
