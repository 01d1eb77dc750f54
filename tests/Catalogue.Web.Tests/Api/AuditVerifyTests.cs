using System.Net;
using System.Text.Json;
using Catalogue.Core;
using Catalogue.Core.Conservation;
using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Conservation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalogue.Web.Tests.Api;

/// <summary>
/// GET /api/audit/verify and /health on the real chain: intact after ordinary work, and naming the first broken entry
/// once someone edits or deletes a row of the audit table behind the app's back. A fresh app per test, because
/// /health remembers its answer for a minute and a tampered chain stays broken.
/// </summary>
public sealed class AuditVerifyTests() : CatalogueApp(freshAppPerTest: true)
{
    [Test]
    public async Task After_ordinary_conservation_work_the_chain_is_intact_and_the_app_is_healthy()
    {
        var (_, _) = await RecordConservationAsync();
        using var viewer = await SignInAsync(Roles.Viewer);

        using var verification = await VerifyAsync(viewer);
        using var health = await viewer.GetAsync("/health");

        Assert.That(verification.RootElement.GetProperty("intact").GetBoolean(), Is.True, verification.RootElement.ToString());
        Assert.That(verification.RootElement.GetProperty("entries").GetInt64(), Is.GreaterThan(0));
        Assert.That(verification.RootElement.TryGetProperty("firstBrokenEntry", out var broken) && broken.ValueKind != JsonValueKind.Null, Is.False);
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [TestCase("UPDATE AuditEntries SET Changes = Changes || ' ' WHERE Sequence = @sequence", 0, "no longer matches its hash")]
    [TestCase("DELETE FROM AuditEntries WHERE Sequence = @sequence", 1, "missing")]
    public async Task After_tampering_with_an_entry_verify_names_the_first_broken_entry_and_health_reports_it(string sql, int brokenOffset, string reason)
    {
        var (report, _) = await RecordConservationAsync();
        var tampered = await ScalarAsync<long>("SELECT MIN(Sequence) FROM AuditEntries WHERE EntityType = 'ConditionReport' AND EntityKey = @key", ("@key", report));
        var last = await ScalarAsync<long>("SELECT MAX(Sequence) FROM AuditEntries");
        Assert.That(tampered, Is.LessThan(last), "the tampered entry is followed by others");
        Assert.That(await ExecuteAsync(sql, ("@sequence", tampered)), Is.EqualTo(1), "one row of the audit table was changed");
        using var viewer = await SignInAsync(Roles.Viewer);

        using var verification = await VerifyAsync(viewer);
        using var health = await viewer.GetAsync("/health");

        var root = verification.RootElement;
        Assert.That(root.GetProperty("intact").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("firstBrokenEntry").GetInt64(), Is.EqualTo(tampered + brokenOffset));
        Assert.That(root.GetProperty("reason").GetString(), Does.Contain($"Entry {tampered + brokenOffset}").And.Contain(reason));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
    }

    [Test]
    public async Task The_head_it_gives_catches_a_deleted_tail_later_and_a_malformed_head_is_a_problem_naming_head()
    {
        await RecordConservationAsync();
        using var viewer = await SignInAsync(Roles.Viewer);
        using var first = await VerifyAsync(viewer);
        var head = first.RootElement.GetProperty("head").GetString()!;
        var last = await ScalarAsync<long>("SELECT MAX(Sequence) FROM AuditEntries");
        Assert.That(head, Does.StartWith($"{last}:"));

        Assert.That(await ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = @sequence", ("@sequence", last)), Is.EqualTo(1));
        using var alone = await VerifyAsync(viewer);
        using var against = await VerifyAsync(viewer, head);
        using var malformed = await viewer.GetAsync("/api/audit/verify?head=yesterday");

        Assert.That(alone.RootElement.GetProperty("intact").GetBoolean(), Is.True, "the chain alone cannot show a deleted tail");
        Assert.That(against.RootElement.GetProperty("intact").GetBoolean(), Is.False);
        Assert.That(against.RootElement.GetProperty("firstBrokenEntry").GetInt64(), Is.EqualTo(last));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("head")[0].GetString(), Does.Contain("sequence:hash"));
    }

    [Test]
    public async Task Verification_is_for_staff_only()
    {
        using var anonymous = CreateClient();

        using var response = await anonymous.GetAsync("/api/audit/verify");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<(string Report, string Treatment)> RecordConservationAsync()
    {
        var records = new ConservationRecords(App.Services);
        var artifact = await records.ArtifactAsync();
        var report = await records.ReportAsync(artifact, new DateOnly(2025, 3, 3));
        return (report, await records.TreatmentAsync(artifact, TreatmentStatus.InProgress));
    }

    private static async Task<JsonDocument> VerifyAsync(HttpClient client, string? head = null)
    {
        using var response = await client.GetAsync(head is null ? "/api/audit/verify" : $"/api/audit/verify?head={Uri.EscapeDataString(head)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body);
    }

    /// <summary>Raw SQL on the app's own SQLite file, as someone with access to the server could run it.</summary>
    private async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<SqliteCommand> CommandAsync(string sql, (string Name, object Value)[] parameters)
    {
        var path = App.Services.GetRequiredService<IOptions<CatalogueOptions>>().Value.DatabasePath;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.Disposed += (_, _) => connection.Dispose();
        return command;
    }
}
