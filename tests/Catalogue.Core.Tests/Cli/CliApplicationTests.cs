using Catalogue.Cli;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Tests.Search;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Catalogue.Core.Tests.Cli;

/// <summary>The admin command line, run in-process against the same data directory a test catalogue reads.</summary>
public sealed class CliApplicationTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync(seedTerms: false);

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task UsersAdd_WithPasswordOnStandardInput_AddsTheUserWithTheRole()
    {
        var (exitCode, output) = await RunAsync(["users", "add", "--email", "lan@catalogue.test", "--role", "curator"], TestCatalogue.StrongPassword + "\n");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("lan@catalogue.test"));
        await using var scope = _catalogue.As("reader");
        var users = scope.Get<UserManager<CatalogueUser>>();
        var user = await users.FindByEmailAsync("lan@catalogue.test");
        Assert.That(user, Is.Not.Null);
        Assert.That(await users.GetRolesAsync(user!), Is.EqualTo(new[] { Roles.Curator }));
        Assert.That(await users.CheckPasswordAsync(user!, TestCatalogue.StrongPassword), Is.True);
    }

    [Test]
    public async Task UsersAdd_WithWeakPassword_FailsNamingPasswordAndAddsNoUser()
    {
        var (exitCode, output) = await RunAsync(["users", "add", "--email", "lan@catalogue.test", "--role", "curator"], "short\n");

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("Password"));
        Assert.That((await _catalogue.CountRowsAsync()).Users, Is.Zero);
    }

    [Test]
    public async Task UsersAdd_WithNoPasswordOnStandardInput_FailsAndAddsNoUser()
    {
        var (exitCode, output) = await RunAsync(["users", "add", "--email", "lan@catalogue.test", "--role", "curator"], string.Empty);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("Password"));
        Assert.That((await _catalogue.CountRowsAsync()).Users, Is.Zero);
    }

    [Test]
    public async Task UsersAdd_WithUnknownRole_FailsNamingRoleAndAddsNoUser()
    {
        var (exitCode, output) = await RunAsync(["users", "add", "--email", "lan@catalogue.test", "--role", "director"], TestCatalogue.StrongPassword + "\n");

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("Role"));
        Assert.That((await _catalogue.CountRowsAsync()).Users, Is.Zero);
    }

    [Test]
    public async Task UsersAdd_WithoutEmail_FailsAndAddsNoUser()
    {
        var (exitCode, _) = await RunAsync(["users", "add", "--role", "curator"], TestCatalogue.StrongPassword + "\n");

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That((await _catalogue.CountRowsAsync()).Users, Is.Zero);
    }

    [Test]
    public async Task UsersList_ShowsUsersWithTheirRoles()
    {
        await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Conservator);

        var (exitCode, output) = await RunAsync(["users", "list"]);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("lan@catalogue.test").And.Contain(Roles.Conservator));
    }

    [Test]
    public async Task TokensCreate_PrintsATokenThatAuthenticatesAsTheUser()
    {
        var user = await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);

        var (exitCode, output) = await RunAsync(["tokens", "create", "--email", "lan@catalogue.test", "--name", "harvester"]);

        Assert.That(exitCode, Is.Zero, output);
        var secret = output.Trim();
        Assert.That(secret, Does.Match("^cat_[A-Za-z0-9_-]+$"), "The token alone on standard output, for scripts.");
        await using var scope = _catalogue.As("api");
        Assert.That((await scope.Get<ApiTokens>().AuthenticateAsync(secret))?.Id, Is.EqualTo(user.Id));
        Assert.That((await scope.Get<ApiTokens>().ListAsync(user.Id)).Single().Name, Is.EqualTo("harvester"));
    }

    [Test]
    public async Task TokensCreate_ForUnknownEmail_FailsNamingTheEmailAndCreatesNoToken()
    {
        var (exitCode, output) = await RunAsync(["tokens", "create", "--email", "nobody@catalogue.test"]);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("nobody@catalogue.test"));
        await using var scope = _catalogue.As("reader");
        Assert.That(await scope.Db.ApiTokens.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Seed_LoadsTheSampleCatalogueAndASecondSeedAddsNothing()
    {
        var (exitCode, output) = await RunAsync(["seed"]);
        var afterFirst = await _catalogue.CountRowsAsync();
        var (secondExitCode, secondOutput) = await RunAsync(["seed"]);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(afterFirst.Artifacts, Is.GreaterThanOrEqualTo(300));
        Assert.That(output, Does.Contain($"{afterFirst.Artifacts} new artifacts"));
        Assert.That(secondExitCode, Is.Zero, secondOutput);
        Assert.That(secondOutput, Does.Contain("0 new artifacts"));
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(afterFirst));
        await using var scope = _catalogue.As("reader");
        var cliAuthored = await scope.Db.Artifacts.Select(a => a.CreatedBy).Distinct().ToListAsync();
        Assert.That(cliAuthored, Has.All.StartWith("cli:"), "Records loaded from the command line are attributed to its operator.");
    }

    [Test]
    public async Task Seed_OnAFreshDirectory_CreatesTheDatabase()
    {
        var fresh = Path.Combine(_catalogue.DataDirectory, "fresh");

        var (exitCode, output) = await RunAsync(["seed"], dataDirectory: fresh);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(File.Exists(Path.Combine(fresh, "catalogue.db")), Is.True);
        Assert.That(output, Does.Contain("new artifacts"));
    }

    [Test]
    public async Task Reindex_RebuildsTheSearchIndexFromTheDatabase()
    {
        var bowl = await _catalogue.CreateTermAsync(TermBuilder.ObjectType("bowl").WithLabels("Bát", "Bol", "Bowl"));
        await using (var scope = _catalogue.As(TestCatalogue.SeedUser))
        {
            var created = await scope.Get<ArtifactCommands>().CreateAsync(new ArtifactBuilder().WithObjectType(bowl.Id).WithTitleVi("Bát men ngọc").Build());
            Assert.That(created.Succeeded, Is.True);
        }

        var (exitCode, output) = await RunAsync(["reindex"]);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Indexed 1 records"));
        Assert.That(await _catalogue.OutboxCountAsync(), Is.Zero, "the rebuild covers the pending changes");
        Assert.That(_catalogue.SearchArtifacts("bat men ngoc").Numbers(), Is.EqualTo(new[] { ArtifactBuilder.DefaultAccessionNumber }));
    }

    [Test]
    public async Task Reindex_WhileAnotherProcessHoldsTheIndex_FailsWithAMessage()
    {
        _ = _catalogue.SearchArtifacts("anything"); // opens the index writer, as the running app does

        var (exitCode, output) = await RunAsync(["reindex"]);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(output, Does.Contain("open in another process"));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string[] args, string input = "", string? dataDirectory = null)
    {
        await using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        using var reader = new StringReader(input);
        var exitCode = await CliApplication.RunAsync([.. args, "--data-dir", dataDirectory ?? _catalogue.DataDirectory], reader, console, inputRedirected: true);
        return (exitCode, writer.ToString());
    }
}
