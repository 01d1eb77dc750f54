using Catalogue.Core.Data;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Data;

public sealed class PersistenceTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync(seedTerms: false);

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Initialize_AppliesEveryMigration()
    {
        await using var scope = _catalogue.As("reader");

        var pending = await scope.Db.Database.GetPendingMigrationsAsync();
        var applied = await scope.Db.Database.GetAppliedMigrationsAsync();

        Assert.That(pending, Is.Empty);
        Assert.That(applied, Is.EquivalentTo(scope.Db.Database.GetMigrations()));
        Assert.That(applied, Is.Not.Empty);
    }

    [Test]
    public async Task Initialize_StoresTheDatabaseInTheDataDirectory()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(File.Exists(_catalogue.DatabasePath), Is.True);
        Assert.That(scope.Db.Database.GetDbConnection().DataSource, Is.EqualTo(_catalogue.DatabasePath));
    }

    [Test]
    public async Task Initialize_SwitchesTheDatabaseToWriteAheadLogging()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await PragmaAsync(scope.Db, "journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task AppConnection_EnforcesForeignKeys()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await PragmaAsync(scope.Db, "foreign_keys"), Is.EqualTo("1"));
    }

    [Test]
    public async Task AppConnection_RefusesARowPointingAtAMissingTerm()
    {
        await using var scope = _catalogue.As("reader");

        var error = Assert.ThrowsAsync<SqliteException>(() => scope.Db.Database.ExecuteSqlRawAsync(
            "INSERT INTO ArtifactTerms (ArtifactId, Role, TermId) VALUES (4242, 'Material', 4242);"));

        Assert.That(error!.SqliteErrorCode, Is.EqualTo(19), "SQLITE_CONSTRAINT");
        Assert.That(error.Message, Does.Contain("FOREIGN KEY"));
    }

    [Test]
    public async Task Initialize_SeedsTheFiveRoles()
    {
        await using var scope = _catalogue.As("reader");

        var roles = await scope.Db.Roles.Select(r => r.Name).ToListAsync();

        Assert.That(roles, Is.EquivalentTo(new[] { Roles.Admin, Roles.Curator, Roles.Conservator, Roles.Archaeologist, Roles.Viewer }));
    }

    [Test]
    public async Task Initialize_RunTwice_ChangesNothing()
    {
        var before = await _catalogue.CountRowsAsync();

        await using (var scope = _catalogue.As("system"))
            await scope.Get<DatabaseInitializer>().InitializeAsync();

        await using var reader = _catalogue.As("reader");
        Assert.That(await reader.Db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await reader.Db.Roles.CountAsync(), Is.EqualTo(Roles.All.Count));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Initialize_WithSampleLoadingOff_LeavesTheCatalogueEmpty()
    {
        await using var scope = _catalogue.As("reader");

        Assert.That(await scope.Db.Artifacts.CountAsync(), Is.Zero);
        Assert.That(await scope.Db.Terms.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task NeedsFirstAdmin_IsTrueUntilSomeoneHoldsTheAdminRole()
    {
        await using (var scope = _catalogue.As("reader"))
            Assert.That(await DatabaseInitializer.NeedsFirstAdminAsync(scope.Db), Is.True);

        await _catalogue.CreateUserAsync("curator@catalogue.test", Roles.Curator);
        await using (var scope = _catalogue.As("reader"))
            Assert.That(await DatabaseInitializer.NeedsFirstAdminAsync(scope.Db), Is.True, "A curator is not an administrator.");

        await _catalogue.CreateUserAsync("admin@catalogue.test", Roles.Admin);
        await using (var scope = _catalogue.As("reader"))
            Assert.That(await DatabaseInitializer.NeedsFirstAdminAsync(scope.Db), Is.False);
    }

    private static async Task<string?> PragmaAsync(CatalogueDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
