using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Users;

public sealed class UserAdministrationTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync(seedTerms: false);

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_WithValidInput_StoresTheUserWithTheRoleAndAHashedPassword()
    {
        var result = await CreateAsync(new CreateUserCommand
        {
            Email = " lan@catalogue.test ", DisplayName = "Nguyễn Thị Lan", Role = Roles.Conservator, Password = TestCatalogue.StrongPassword,
        });

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        await using var scope = _catalogue.As("reader");
        var users = scope.Get<UserManager<CatalogueUser>>();
        var stored = await users.FindByEmailAsync("lan@catalogue.test");
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.DisplayName, Is.EqualTo("Nguyễn Thị Lan"));
        Assert.That(stored.Label, Is.EqualTo("Nguyễn Thị Lan"));
        Assert.That(await users.GetRolesAsync(stored), Is.EqualTo(new[] { Roles.Conservator }));
        Assert.That(await users.CheckPasswordAsync(stored, TestCatalogue.StrongPassword), Is.True);
        Assert.That(stored.PasswordHash, Does.Not.Contain(TestCatalogue.StrongPassword));
    }

    [Test]
    public async Task Create_RecordsTheAccountInTheHistoryWithoutThePasswordHash()
    {
        var user = await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);

        await using var scope = _catalogue.As("reader");
        var history = await scope.Get<HistoryQueries>().ForRecordAsync("User", "lan@catalogue.test");
        var stored = await scope.Db.Users.SingleAsync(u => u.Id == user.Id);

        Assert.That(history, Is.Not.Empty);
        Assert.That(history[^1].Action, Is.EqualTo(AuditAction.Created));
        Assert.That(history[^1].UserName, Is.EqualTo("admin@catalogue.test"));
        var everyValue = history.SelectMany(h => h.Changes).SelectMany(c => new[] { c.Field, c.Old, c.New }).ToList();
        Assert.That(everyValue, Has.None.EqualTo(stored.PasswordHash));
        Assert.That(everyValue, Has.None.EqualTo(stored.SecurityStamp));
        Assert.That(history.SelectMany(h => h.Changes), Has.Some.EqualTo(new FieldChange("Roles", null, Roles.Curator)));
    }

    [TestCase("short")]
    [TestCase("aaaaaaaaaaaaaaa")]
    public async Task Create_WithWeakPassword_IsRejectedNamingPasswordAndStoresNoUser(string password)
    {
        var before = await _catalogue.CountRowsAsync();

        var result = await CreateAsync(new CreateUserCommand { Email = "lan@catalogue.test", Role = Roles.Curator, Password = password });

        AssertRefusedOn(result, "Password");
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
        Assert.That(await FindByEmailAsync("lan@catalogue.test"), Is.Null);
    }

    [Test]
    public async Task Create_WithoutPassword_IsRejectedNamingPassword()
    {
        var result = await CreateAsync(new CreateUserCommand { Email = "lan@catalogue.test", Role = Roles.Curator, Password = "" });

        AssertRefusedOn(result, "Password");
        Assert.That(await FindByEmailAsync("lan@catalogue.test"), Is.Null);
    }

    [TestCase("director")]
    [TestCase("Admin")]
    [TestCase(null)]
    public async Task Create_WithUnknownRole_IsRejectedNamingRoleAndStoresNoUser(string? role)
    {
        var before = await _catalogue.CountRowsAsync();

        var result = await CreateAsync(new CreateUserCommand { Email = "lan@catalogue.test", Role = role, Password = TestCatalogue.StrongPassword });

        AssertRefusedOn(result, "Role");
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
    }

    [TestCase("not-an-email")]
    [TestCase("")]
    public async Task Create_WithInvalidEmail_IsRejectedNamingEmail(string email)
    {
        var result = await CreateAsync(new CreateUserCommand { Email = email, Role = Roles.Curator, Password = TestCatalogue.StrongPassword });

        AssertRefusedOn(result, "Email");
    }

    [Test]
    public async Task Create_WithEmailAlreadyInUse_IsRejectedNamingEmailAndKeepsOneAccount()
    {
        await _catalogue.CreateUserAsync("lan@catalogue.test");
        var before = await _catalogue.CountRowsAsync();

        var result = await CreateAsync(new CreateUserCommand { Email = "LAN@catalogue.test", Role = Roles.Viewer, Password = TestCatalogue.StrongPassword });

        AssertRefusedOn(result, "Email");
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_WhenTheRoleCannotBeGranted_StoresNeitherTheUserNorItsHistory()
    {
        // The role rows are seeded by the migrations; without one, granting fails after the account was inserted.
        Assert.That(await _catalogue.ExecuteSqlAsync("DELETE FROM AspNetRoles WHERE Id = 'viewer'"), Is.EqualTo(1));
        var before = await _catalogue.CountRowsAsync();

        CommandResult<CatalogueUser>? result = null;
        try
        {
            result = await CreateAsync(new CreateUserCommand { Email = "lan@catalogue.test", Role = Roles.Viewer, Password = TestCatalogue.StrongPassword });
        }
        catch (InvalidOperationException)
        {
            // Identity reports a missing role by throwing; either way nothing may be left behind.
        }

        Assert.That(result?.Succeeded, Is.Not.True);
        Assert.That(await FindByEmailAsync("lan@catalogue.test"), Is.Null);
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateFirstAdmin_WorksOnceThenIsAConflict()
    {
        var first = await CreateFirstAdminAsync("director@catalogue.test");
        var before = await _catalogue.CountRowsAsync();
        var second = await CreateFirstAdminAsync("intruder@catalogue.test");

        Assert.That(first.Succeeded, Is.True, () => TestCatalogue.Describe(first.Errors));
        Assert.That(second.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(await FindByEmailAsync("intruder@catalogue.test"), Is.Null);
        Assert.That(await _catalogue.CountRowsAsync(), Is.EqualTo(before));
        await using var scope = _catalogue.As("reader");
        var users = scope.Get<UserManager<CatalogueUser>>();
        Assert.That(await users.GetRolesAsync((await users.FindByEmailAsync("director@catalogue.test"))!), Is.EqualTo(new[] { Roles.Admin }));
    }

    [Test]
    public async Task CreateFirstAdmin_IgnoresTheRoleTheCallerAskedFor()
    {
        await using (var scope = _catalogue.As("setup"))
        {
            var result = await scope.Get<UserAdministration>().CreateFirstAdminAsync(
                new CreateUserCommand { Email = "director@catalogue.test", Role = Roles.Viewer, Password = TestCatalogue.StrongPassword });
            Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        }

        Assert.That(await RolesOfAsync("director@catalogue.test"), Is.EqualTo(new[] { Roles.Admin }));
    }

    [Test]
    public async Task CreateFirstAdmin_WithWeakPassword_LeavesSetupOpen()
    {
        var refused = await CreateFirstAdminAsync("director@catalogue.test", password: "short");
        var retried = await CreateFirstAdminAsync("director@catalogue.test");

        AssertRefusedOn(refused, "Password");
        Assert.That(retried.Succeeded, Is.True, () => TestCatalogue.Describe(retried.Errors));
    }

    [Test]
    public async Task SetRoles_RemovingAdminFromTheLastAdmin_IsRefusedAndKeepsTheRole()
    {
        var admin = await _catalogue.CreateUserAsync("director@catalogue.test", Roles.Admin);

        var result = await SetRolesAsync(admin.Id, [Roles.Curator]);

        AssertRefusedOn(result, "Roles");
        Assert.That(result.Errors.Single().Message, Does.Contain("last administrator"));
        Assert.That(await RolesOfAsync("director@catalogue.test"), Is.EqualTo(new[] { Roles.Admin }));
    }

    [Test]
    public async Task SetRoles_RemovingAdminWhenAnotherAdminExists_ReplacesTheRoles()
    {
        var admin = await _catalogue.CreateUserAsync("director@catalogue.test", Roles.Admin);
        await _catalogue.CreateUserAsync("deputy@catalogue.test", Roles.Admin);

        var result = await SetRolesAsync(admin.Id, [Roles.Curator, Roles.Conservator]);

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That(await RolesOfAsync("director@catalogue.test"), Is.EquivalentTo(new[] { Roles.Curator, Roles.Conservator }));
    }

    [Test]
    public async Task SetRoles_WithUnknownRole_IsRefusedAndChangesNothing()
    {
        var user = await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);

        var result = await SetRolesAsync(user.Id, [Roles.Curator, "superuser"]);

        AssertRefusedOn(result, "Roles");
        Assert.That(result.Errors.Single().Message, Does.Contain("superuser"));
        Assert.That(await RolesOfAsync("lan@catalogue.test"), Is.EqualTo(new[] { Roles.Curator }));
    }

    [TestCase(null)]
    [TestCase("")]
    public async Task SetRoles_WithAnEmptyRole_IsRefusedAsUnknownAndChangesNothing(string? empty)
    {
        var user = await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);

        var result = await SetRolesAsync(user.Id, [Roles.Curator, empty!]);

        AssertRefusedOn(result, "Roles");
        Assert.That(result.Errors.Single().Message, Does.StartWith("Unknown role ''"));
        Assert.That(await RolesOfAsync("lan@catalogue.test"), Is.EqualTo(new[] { Roles.Curator }));
    }

    [Test]
    public async Task SetRoles_OfUnknownUser_IsNotFound()
    {
        var result = await SetRolesAsync("no-such-user", [Roles.Viewer]);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    [Test]
    public async Task SetLocked_OnOwnAccount_IsRefused()
    {
        var admin = await _catalogue.CreateUserAsync("director@catalogue.test", Roles.Admin);

        await using var scope = _catalogue.As("director@catalogue.test", admin.Id);
        var result = await scope.Get<UserAdministration>().SetLockedAsync(admin.Id, locked: true, actingUserId: admin.Id);

        AssertRefusedOn(result, string.Empty);
        Assert.That((await scope.Get<UserAdministration>().FindAsync(admin.Id))!.IsLockedOut, Is.False);
    }

    [Test]
    public async Task List_ShowsEachUserWithTheirRoles()
    {
        await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);
        await _catalogue.CreateUserAsync("minh@catalogue.test", Roles.Archaeologist);

        await using var scope = _catalogue.As("reader");
        var users = await scope.Get<UserAdministration>().ListAsync();

        Assert.That(users.Select(u => (u.Email, string.Join(",", u.Roles))),
            Is.EqualTo(new[] { ("lan@catalogue.test", Roles.Curator), ("minh@catalogue.test", Roles.Archaeologist) }));
    }

    private async Task<CommandResult<CatalogueUser>> CreateAsync(CreateUserCommand command)
    {
        await using var scope = _catalogue.As("admin@catalogue.test");
        return await scope.Get<UserAdministration>().CreateAsync(command);
    }

    private async Task<CommandResult<CatalogueUser>> CreateFirstAdminAsync(string email, string password = TestCatalogue.StrongPassword)
    {
        await using var scope = _catalogue.As("setup");
        return await scope.Get<UserAdministration>().CreateFirstAdminAsync(new CreateUserCommand { Email = email, Password = password });
    }

    private async Task<CommandResult<bool>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        await using var scope = _catalogue.As("admin@catalogue.test");
        return await scope.Get<UserAdministration>().SetRolesAsync(userId, roles);
    }

    private async Task<CatalogueUser?> FindByEmailAsync(string email)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<UserManager<CatalogueUser>>().FindByEmailAsync(email);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = _catalogue.As("reader");
        var users = scope.Get<UserManager<CatalogueUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private static void AssertRefusedOn<T>(CommandResult<T> result, string field)
    {
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid), () => "Expected a refusal, got " + result.Failure);
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain(field), () => TestCatalogue.Describe(result.Errors));
    }
}
