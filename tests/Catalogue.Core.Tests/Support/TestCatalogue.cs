using Catalogue.Core;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalogue.Core.Tests.Support;

/// <summary>The terms every seeded catalogue has, so tests can refer to them by meaning.</summary>
public sealed record SeededTerms(
    VocabularyTerm Bowl,
    VocabularyTerm Stoneware,
    VocabularyTerm CeladonGlaze,
    VocabularyTerm WheelThrown,
    VocabularyTerm Ly);

/// <summary>How many rows a refused command must leave untouched.</summary>
public sealed record RowCounts(int Artifacts, int AuditEntries, int Users);

/// <summary>
/// A whole catalogue core on a real SQLite file in a fresh temporary data directory,
/// wired the way the web app and the command line wire it.
/// </summary>
public sealed class TestCatalogue : IAsyncDisposable
{
    public const string SeedUser = "seed";

    /// <summary>Long enough and varied enough for the password policy.</summary>
    public const string StrongPassword = "celadon-glaze-1225";

    private readonly ServiceProvider _services;
    private SeededTerms? _terms;
    private bool _handedOver;

    private TestCatalogue(string dataDirectory, ServiceProvider services, RivalWriterClock clock)
    {
        DataDirectory = dataDirectory;
        _services = services;
        Clock = clock;
    }

    /// <summary>The clock the catalogue uses; lets a test slip a rival write in just before a save.</summary>
    public RivalWriterClock Clock { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "catalogue.db");

    public IServiceProvider Services => _services;

    /// <summary>The seeded terms; only for catalogues started with <c>seedTerms: true</c>.</summary>
    public SeededTerms Terms => _terms ?? throw new InvalidOperationException("This catalogue was started without seeded terms.");

    /// <summary>
    /// The institution's zone in every test catalogue: the first institution's, seven hours ahead of UTC, so that a
    /// record dated by the day in UTC instead shows (for seven hours a day).
    /// </summary>
    public const string TimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>Today where the test catalogues' institution is.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, TimeZone));

    /// <summary>The instant (UTC) of a time of day where the test catalogues' institution is.</summary>
    public static DateTime At(DateOnly day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    /// <summary>The sample dataset copied beside the test assembly, as beside the app.</summary>
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>
    /// Starts a catalogue on a new, empty data directory. <paramref name="loadSampleData"/> turns on
    /// the first-run sample loading, as the app does by default.
    /// </summary>
    public static async Task<TestCatalogue> StartAsync(bool seedTerms = true, bool loadSampleData = false) =>
        await StartAsync(seedTerms, loadSampleData, Path.Combine(Path.GetTempPath(), "catalogue-tests", Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Stops this catalogue as a crash would leave it (nothing in memory survives; the database and the index on disk
    /// stay) and starts a new one on the same data directory. This instance must not be used afterwards.
    /// </summary>
    public async Task<TestCatalogue> RestartAsync()
    {
        _handedOver = true;
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var next = await StartAsync(seedTerms: false, loadSampleData: false, DataDirectory);
        next._terms = _terms;
        return next;
    }

    private static async Task<TestCatalogue> StartAsync(bool seedTerms, bool loadSampleData, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Catalogue:DataDirectory"] = dataDirectory,
                ["Catalogue:LoadSampleData"] = loadSampleData ? "true" : "false",
                ["Catalogue:TimeZone"] = TimeZone,
            })
            .Build();

        var clock = new RivalWriterClock();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddCatalogueCore();
        // Each scope acts as the user it was opened for.
        services.AddScoped<ActingUser>();
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser>(sp => sp.GetRequiredService<ActingUser>().User));
        services.AddIdentityCore<CatalogueUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CatalogueDbContext>()
            .AddDefaultTokenProviders();

        var catalogue = new TestCatalogue(dataDirectory, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock);
        try
        {
            await using (var scope = catalogue.As("system"))
                await scope.Get<DatabaseInitializer>().InitializeAsync();
            if (seedTerms)
                await catalogue.SeedTermsAsync();
            return catalogue;
        }
        catch
        {
            await catalogue.DisposeAsync();
            throw;
        }
    }

    /// <summary>A unit of work acting as <paramref name="userName"/>: who created or changed what is recorded under that name.</summary>
    public UserScope As(string userName, string? userId = null)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = new FixedCurrentUser(userName, userId);
        return new UserScope(scope);
    }

    /// <summary>Adds a vocabulary term as the seed user and returns it; fails the test if it is refused.</summary>
    public async Task<VocabularyTerm> CreateTermAsync(TermBuilder term)
    {
        await using var scope = As(SeedUser);
        var result = await scope.Get<VocabularyCommands>().SaveAsync(term.Build());
        Assert.That(result.Succeeded, Is.True, () => $"Seeding term failed: {Describe(result.Errors)}");
        return result.Value!;
    }

    /// <summary>A builder for a valid artifact of the seeded object type.</summary>
    public ArtifactBuilder Artifact(string accessionNumber = ArtifactBuilder.DefaultAccessionNumber) =>
        new ArtifactBuilder().WithAccessionNumber(accessionNumber).WithObjectType(Terms.Bowl.Id);

    /// <summary>Creates an artifact acting as <paramref name="userName"/>; fails the test if it is refused.</summary>
    public async Task<Artifact> CreateArtifactAsync(ArtifactBuilder artifact, string userName = SeedUser)
    {
        await using var scope = As(userName);
        var result = await scope.Get<ArtifactCommands>().CreateAsync(artifact.Build());
        Assert.That(result.Succeeded, Is.True, () => $"Creating the artifact failed: {Describe(result.Errors)}");
        return result.Value!;
    }

    /// <summary>Adds a staff account through <see cref="UserAdministration"/>; fails the test if it is refused.</summary>
    public async Task<CatalogueUser> CreateUserAsync(string email, string role = Roles.Curator, string password = StrongPassword)
    {
        await using var scope = As("admin@catalogue.test");
        var result = await scope.Get<UserAdministration>().CreateAsync(new CreateUserCommand { Email = email, Role = role, Password = password });
        Assert.That(result.Succeeded, Is.True, () => $"Creating the user failed: {Describe(result.Errors)}");
        return result.Value!;
    }

    /// <summary>The stored artifact with its terms, read in a fresh scope (nothing cached).</summary>
    public async Task<Artifact?> FindArtifactAsync(string accessionNumber)
    {
        await using var scope = As("reader");
        return await scope.Db.Artifacts.AsNoTracking().Include(a => a.Terms)
            .SingleOrDefaultAsync(a => a.AccessionNumber == accessionNumber);
    }

    public async Task<RowCounts> CountRowsAsync()
    {
        await using var scope = As("reader");
        return new RowCounts(
            await scope.Db.Artifacts.CountAsync(),
            await scope.Db.AuditEntries.CountAsync(),
            await scope.Db.Users.CountAsync());
    }

    /// <summary>Runs SQL on a connection of its own, as another process would, without awaiting (for the clock hook).</summary>
    public int ExecuteSql(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs SQL on a connection of its own, as another process or request would.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(CoreServiceCollectionExtensions.ConnectionString(DatabasePath));
        connection.Open();
        return connection;
    }

    public static string Describe(IEnumerable<FieldError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
            return;
        await _services.DisposeAsync();
        // Pooled connections keep the database files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }

    private async Task SeedTermsAsync() =>
        _terms = new SeededTerms(
            await CreateTermAsync(TermBuilder.ObjectType("bowl").WithLabels("Bát", "Bol", "Bowl").WithAat("300152200")),
            await CreateTermAsync(TermBuilder.Material("stoneware").WithLabels("Sành", "Grès", "Stoneware")),
            await CreateTermAsync(TermBuilder.Material("celadon-glaze").WithLabels("Men ngọc", "Glaçure céladon", "Celadon glaze")),
            await CreateTermAsync(TermBuilder.Technique("wheel-thrown").WithLabels("Bàn xoay", "Tourné", "Wheel-thrown")),
            await CreateTermAsync(TermBuilder.Period("ly", 1009, 1225).WithLabels("Lý", "Lý", "Lý dynasty")));

    private sealed class ActingUser
    {
        public ICurrentUser User { get; set; } = new FixedCurrentUser("system");
    }
}

/// <summary>A service scope acting as one named user.</summary>
public sealed class UserScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public CatalogueDbContext Db => Get<CatalogueDbContext>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
