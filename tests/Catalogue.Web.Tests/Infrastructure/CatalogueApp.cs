using Catalogue.Core.Data;
using Catalogue.Core.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>A staff account created for a test, with the password it signs in with.</summary>
public sealed record TestUser(string Id, string Email, string Password, string Role);

/// <summary>
/// Fixture base: one running app per fixture (or per test, for tests that need a pristine catalogue) on its own
/// temporary data directory, with helpers to create staff accounts and to sign in through the real login form.
/// </summary>
public abstract class CatalogueApp(bool loadSampleData = true, bool freshAppPerTest = false)
{
    public const string Password = "heritage-catalogue-test-1";

    private readonly Dictionary<string, TestUser> usersByRole = new(StringComparer.Ordinal);
    private string? dataDirectory;

    protected CatalogueFactory App { get; private set; } = null!;

    protected static WebApplicationFactoryClientOptions ClientOptions => new() { AllowAutoRedirect = false, HandleCookies = true };

    [OneTimeSetUp]
    public void StartAppForFixture()
    {
        if (!freshAppPerTest)
            Start();
    }

    [OneTimeTearDown]
    public async Task StopAppForFixture()
    {
        if (!freshAppPerTest)
            await StopAsync();
    }

    [SetUp]
    public void StartAppForTest()
    {
        if (freshAppPerTest)
            Start();
    }

    [TearDown]
    public async Task StopAppForTest()
    {
        if (freshAppPerTest)
            await StopAsync();
    }

    /// <summary>Lets a fixture (the browser tests) ask for a real port before the app starts.</summary>
    protected virtual void Configure(CatalogueFactory app)
    {
    }

    /// <summary>An anonymous visitor: cookies kept, redirects not followed (so tests see them).</summary>
    protected HttpClient CreateClient() => App.CreateClient(ClientOptions);

    protected async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected Task<T> WithDatabaseAsync<T>(Func<CatalogueDbContext, Task<T>> work) =>
        WithServicesAsync(services => work(services.GetRequiredService<CatalogueDbContext>()));

    /// <summary>
    /// Waits (polling, up to 60 s on a loaded machine) until the app's background indexer has built the index it
    /// found missing on start and applied every pending change.
    /// </summary>
    protected async Task WaitForSearchIndexAsync()
    {
        var indexer = App.Services.GetRequiredService<Catalogue.Core.Search.SearchIndexer>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (!indexer.Rebuilding && !await indexer.IsStaleAsync()
                && await WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SearchOutbox)) == 0)
                return;
            await Task.Delay(50);
        }

        Assert.Fail("The search index was not ready within 60 seconds of the app starting.");
    }

    /// <summary>Creates a staff account through the app's own user administration.</summary>
    protected async Task<TestUser> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@catalogue.test";
        var result = await WithServicesAsync(services => services.GetRequiredService<UserAdministration>().CreateAsync(new CreateUserCommand
        {
            Email = email,
            DisplayName = $"Test {role}",
            Role = role,
            Password = Password,
        }));
        Assert.That(result.Succeeded, Is.True, $"Creating the {role} {email}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        return new TestUser(result.Value!.Id, email, Password, role);
    }

    /// <summary>The fixture's account for a role, created on first use.</summary>
    protected async Task<TestUser> UserAsync(string role)
    {
        if (!usersByRole.TryGetValue(role, out var user))
            usersByRole[role] = user = await CreateUserAsync(role, $"{role}@catalogue.test");
        return user;
    }

    /// <summary>A client signed in as the fixture's account for the role.</summary>
    protected async Task<HttpClient> SignInAsync(string role) => await SignInAsync(await UserAsync(role));

    /// <summary>Signs in through the login form, as a person would.</summary>
    protected async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = CreateClient();
        using var response = await client.PostFormAsync("/Account/Login", ("Email", user.Email), ("Password", user.Password));
        Assert.That((int)response.StatusCode, Is.EqualTo(302), $"Signing in as {user.Email} should redirect to the start page.");
        Assert.That(response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("catalogue.auth=", StringComparison.Ordinal)),
            $"Signing in as {user.Email} should set the authentication cookie.");
        return client;
    }

    private void Start()
    {
        usersByRole.Clear();
        dataDirectory = Path.Combine(Path.GetTempPath(), "catalogue-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        App = new CatalogueFactory(dataDirectory, loadSampleData);
        Configure(App);
        App.StartServer();
    }

    private async Task StopAsync()
    {
        await App.DisposeAsync();
        // Pooled connections keep the database file open; release them before deleting the directory.
        SqliteConnection.ClearAllPools();
        if (dataDirectory is not null && Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
