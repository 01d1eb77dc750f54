using System.Security.Cryptography;
using System.Text;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Users;

public sealed class ApiTokensTests
{
    private TestCatalogue _catalogue = null!;
    private CatalogueUser _lan = null!;
    private CatalogueUser _minh = null!;

    [SetUp]
    public async Task StartCatalogue()
    {
        _catalogue = await TestCatalogue.StartAsync(seedTerms: false);
        _lan = await _catalogue.CreateUserAsync("lan@catalogue.test", Roles.Curator);
        _minh = await _catalogue.CreateUserAsync("minh@catalogue.test", Roles.Admin);
    }

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Create_ReturnsASecretThatStartsWithTheTokenPrefix()
    {
        var (token, secret) = await CreateAsync(_lan.Id, "harvester");

        Assert.That(secret, Does.StartWith("cat_"));
        Assert.That(secret, Has.Length.GreaterThanOrEqualTo(40), "256 random bits, base64url encoded");
        Assert.That(token.Name, Is.EqualTo("harvester"));
        Assert.That(token.Hint, Is.EqualTo(secret[..10]));
        Assert.That(token.IsActive, Is.True);
    }

    [Test]
    public async Task Create_TwiceForOneUser_GivesDifferentSecrets()
    {
        var (_, first) = await CreateAsync(_lan.Id);
        var (_, second) = await CreateAsync(_lan.Id);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task Create_StoresOnlyTheSha256HashOfTheSecret()
    {
        var (token, secret) = await CreateAsync(_lan.Id);

        var expectedHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var storedValues = new List<string>();
        await using (var connection = _catalogue.OpenConnection())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM ApiTokens";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    storedValues.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        Assert.That(storedValues, Does.Contain(expectedHash));
        Assert.That(storedValues, Has.None.Contains(secret), "The secret itself must appear nowhere in the table.");
        Assert.That(storedValues, Has.None.Contains(secret[10..]), "Not even the part after the hint.");
        await using var scope = _catalogue.As("reader");
        Assert.That((await scope.Db.ApiTokens.SingleAsync(t => t.Id == token.Id)).Hash, Is.EqualTo(expectedHash));
    }

    [Test]
    public async Task Authenticate_WithTheSecret_ReturnsItsUserAndNotesTheUse()
    {
        var (token, secret) = await CreateAsync(_lan.Id);

        var user = await AuthenticateAsync(secret);

        Assert.That(user?.Id, Is.EqualTo(_lan.Id));
        await using var scope = _catalogue.As("reader");
        Assert.That((await scope.Db.ApiTokens.SingleAsync(t => t.Id == token.Id)).LastUsedAt, Is.Not.Null);
    }

    [TestCase("cat_")]
    [TestCase("cat_not-a-real-token")]
    [TestCase("")]
    public async Task Authenticate_WithAnUnknownSecret_ReturnsNull(string secret)
    {
        await CreateAsync(_lan.Id);

        Assert.That(await AuthenticateAsync(secret), Is.Null);
    }

    [Test]
    public async Task Authenticate_WithTheStoredHashInsteadOfTheSecret_ReturnsNull()
    {
        var (token, _) = await CreateAsync(_lan.Id);

        Assert.That(await AuthenticateAsync(token.Hash), Is.Null);
        Assert.That(await AuthenticateAsync("cat_" + token.Hash), Is.Null);
    }

    [Test]
    public async Task Authenticate_AfterRevoke_ReturnsNull()
    {
        var (token, secret) = await CreateAsync(_lan.Id);
        Assert.That(await AuthenticateAsync(secret), Is.Not.Null);

        var revoked = await RevokeAsync(_lan.Id, token.Id);

        Assert.That(revoked.Succeeded, Is.True, () => TestCatalogue.Describe(revoked.Errors));
        Assert.That(await AuthenticateAsync(secret), Is.Null);
    }

    [Test]
    public async Task Revoke_OfAnotherUsersToken_IsNotFoundAndTheTokenKeepsWorking()
    {
        var (token, secret) = await CreateAsync(_lan.Id);

        var result = await RevokeAsync(_minh.Id, token.Id);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That((await AuthenticateAsync(secret))?.Id, Is.EqualTo(_lan.Id));
    }

    [Test]
    public async Task Authenticate_ForALockedOutUser_ReturnsNull()
    {
        var (_, secret) = await CreateAsync(_lan.Id);
        await using (var scope = _catalogue.As("minh@catalogue.test", _minh.Id))
        {
            var locked = await scope.Get<UserAdministration>().SetLockedAsync(_lan.Id, locked: true, actingUserId: _minh.Id);
            Assert.That(locked.Succeeded, Is.True, () => TestCatalogue.Describe(locked.Errors));
        }

        Assert.That(await AuthenticateAsync(secret), Is.Null);
    }

    [Test]
    public async Task Authenticate_AfterTheUserIsUnlocked_WorksAgain()
    {
        var (_, secret) = await CreateAsync(_lan.Id);
        await using (var scope = _catalogue.As("minh@catalogue.test", _minh.Id))
        {
            var administration = scope.Get<UserAdministration>();
            await administration.SetLockedAsync(_lan.Id, locked: true, actingUserId: _minh.Id);
            await administration.SetLockedAsync(_lan.Id, locked: false, actingUserId: _minh.Id);
        }

        Assert.That((await AuthenticateAsync(secret))?.Id, Is.EqualTo(_lan.Id));
    }

    [Test]
    public async Task Create_BeyondTheActiveLimit_IsRefusedUntilOneIsRevoked()
    {
        var tokens = new List<ApiToken>();
        for (var i = 0; i < ApiTokens.MaxActivePerUser; i++)
            tokens.Add((await CreateAsync(_lan.Id, $"script {i}")).Token);

        CommandResult<(ApiToken, string)> refused;
        await using (var scope = _catalogue.As("reader"))
            refused = await scope.Get<ApiTokens>().CreateAsync(_lan.Id, "one too many");
        await RevokeAsync(_lan.Id, tokens[0].Id);
        var (_, afterRevoke) = await CreateAsync(_lan.Id, "replacement");

        Assert.That(refused.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(refused.Errors.Single().Message, Does.Contain(ApiTokens.MaxActivePerUser.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((await AuthenticateAsync(afterRevoke))?.Id, Is.EqualTo(_lan.Id));
    }

    [Test]
    public async Task Create_ForUnknownUser_IsNotFoundAndStoresNothing()
    {
        await using var scope = _catalogue.As("reader");
        var result = await scope.Get<ApiTokens>().CreateAsync("no-such-user", "x");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
        Assert.That(await scope.Db.ApiTokens.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_WithOverLongName_IsRejectedNamingName()
    {
        await using var scope = _catalogue.As("reader");
        var result = await scope.Get<ApiTokens>().CreateAsync(_lan.Id, new string('n', ApiToken.NameMaxLength + 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain("Name"));
        Assert.That(await scope.Db.ApiTokens.CountAsync(), Is.Zero);
    }

    private async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string? name = null)
    {
        await using var scope = _catalogue.As("reader");
        var result = await scope.Get<ApiTokens>().CreateAsync(userId, name);
        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        return result.Value;
    }

    private async Task<CommandResult<bool>> RevokeAsync(string userId, int tokenId)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<ApiTokens>().RevokeAsync(userId, tokenId);
    }

    private async Task<CatalogueUser?> AuthenticateAsync(string secret)
    {
        await using var scope = _catalogue.As("api");
        return await scope.Get<ApiTokens>().AuthenticateAsync(secret);
    }
}
