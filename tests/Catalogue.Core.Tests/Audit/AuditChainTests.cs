using Catalogue.Cli;
using Catalogue.Core.Audit;
using Catalogue.Core.Conservation;
using Catalogue.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using static Catalogue.Core.Tests.Support.ConservationSetup;

namespace Catalogue.Core.Tests.Audit;

/// <summary>
/// The tamper-evident change history: entries chained by SHA-256, written in the same transaction as the change,
/// and a walk of the chain (in Core and through <c>verify-audit</c>) that names the first broken entry.
/// </summary>
public sealed class AuditChainTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Entries_AreNumberedWithoutGapsAndEachLinksToTheOneBefore()
    {
        await RecordChangesAsync();

        var entries = await EntriesAsync();

        Assert.That(entries, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, entries.Count).Select(i => (long)i)));
        Assert.That(entries[0].PreviousHash, Is.EqualTo(AuditChain.Genesis));
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.That(entries[i].Hash, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(entries[i].Hash, Is.EqualTo(AuditChain.ComputeHash(entries[i])), $"Entry {entries[i].Sequence} hashes its stored content.");
            if (i > 0)
                Assert.That(entries[i].PreviousHash, Is.EqualTo(entries[i - 1].Hash), $"Entry {entries[i].Sequence} links to the one before.");
        }

        Assert.That(entries.Select(e => e.Hash).Distinct().Count(), Is.EqualTo(entries.Count));
    }

    [Test]
    public async Task Verify_OfAnUntouchedChain_IsIntactAndCountsEveryEntry()
    {
        await RecordChangesAsync();
        var count = (await EntriesAsync()).Count;

        var verification = await _catalogue.VerifyAuditAsync();

        var last = (await EntriesAsync())[^1];
        Assert.That(verification, Is.EqualTo(new AuditVerification(true, count, null, null, new AuditHead(last.Sequence, last.Hash))));
    }

    [Test]
    public async Task Verify_WithAHeadRecordedEarlier_ChecksOutWhileTheChainOnlyGrows()
    {
        await RecordChangesAsync();
        var head = (await VerifyAsync(null)).Head!;
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0777").WithTitleEn("Later jar"));

        var verification = await VerifyAsync(head);

        Assert.That(verification.Intact, Is.True, verification.Reason);
        Assert.That(verification.Head!.Sequence, Is.GreaterThan(head.Sequence));
    }

    [Test]
    public async Task Verify_AfterTheLastEntriesWereDeleted_IsIntactAlone_ButNotAgainstTheRecordedHead()
    {
        await RecordChangesAsync();
        var head = (await VerifyAsync(null)).Head!;
        await _catalogue.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence > {head.Sequence - 2}");

        Assert.That((await VerifyAsync(null)).Intact, Is.True, "a chain cut short is whole: this is what a head recorded elsewhere is for");
        var verification = await VerifyAsync(head);

        Assert.That(verification.Intact, Is.False);
        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(head.Sequence - 1));
        Assert.That(verification.Reason, Does.Contain($"ends at entry {head.Sequence - 2}").And.Contain($"entries {head.Sequence - 1} to {head.Sequence} were removed"));
    }

    [Test]
    public async Task Verify_AfterTheTailWasRewritten_NamesTheRecordedEntryWhoseHashChanged()
    {
        await RecordChangesAsync();
        var head = (await VerifyAsync(null)).Head!;
        await _catalogue.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence >= {head.Sequence - 1}");
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0888").WithTitleEn("Forged history"));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0889").WithTitleEn("More forged history"));
        Assert.That((await VerifyAsync(null)).Intact, Is.True, "the rewritten chain links up by itself");

        var verification = await VerifyAsync(head);

        Assert.That(verification.Intact, Is.False);
        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(head.Sequence));
        Assert.That(verification.Reason, Does.Contain("not the one recorded"));
    }

    [TestCase("")]
    [TestCase("12")]
    [TestCase("0:0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("3:abc")]
    [TestCase("3:zz00000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("-3:0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_head_that_is_not_sequence_colon_hash_is_refused_with_the_rule(string text)
    {
        Assert.That(AuditHead.Parse(text, out var error), Is.Null);
        Assert.That(error, Does.Contain("sequence:hash").And.Contain("64 hexadecimal"));
    }

    [Test]
    public void A_head_reads_back_as_it_is_written()
    {
        var head = new AuditHead(42, new string('a', 64));
        Assert.That(AuditHead.Parse(head.ToString(), out var error), Is.EqualTo(head), error);
        Assert.That(AuditHead.Parse($"42:{new string('A', 64)}", out _), Is.EqualTo(head), "upper-case hex is the same hash");
    }

    [Test]
    public async Task Verify_OfAnEmptyChain_IsIntact()
    {
        await _catalogue.ExecuteSqlAsync("DELETE FROM AuditEntries");

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.Intact, Is.True);
        Assert.That(verification.Entries, Is.Zero);
    }

    [TestCase("UserName = 'mallory'")]
    [TestCase("EntityKey = 'TL.2023.9999'")]
    [TestCase("Changes = '[]'")]
    [TestCase("Action = 'Deleted'")]
    [TestCase("At = '2001-01-01 00:00:00'")]
    public async Task Verify_AfterAFieldOfAnEntryWasChanged_NamesThatEntry(string tampering)
    {
        await RecordChangesAsync();
        Assert.That(await _catalogue.ExecuteSqlAsync($"UPDATE AuditEntries SET {tampering} WHERE Sequence = 4"), Is.EqualTo(1));

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.Intact, Is.False);
        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(4));
        Assert.That(verification.Reason, Does.StartWith("Entry 4:").And.Contain("no longer matches its hash"));
        Assert.That(verification.Entries, Is.EqualTo(4), "The walk stops at the first broken entry.");
    }

    [Test]
    public async Task Verify_AfterTwoEntriesWereChanged_NamesTheFirst()
    {
        await RecordChangesAsync();
        await _catalogue.ExecuteSqlAsync("UPDATE AuditEntries SET UserName = 'mallory' WHERE Sequence IN (3, 6)");

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(3));
    }

    [Test]
    public async Task Verify_AfterAnEntryWasChangedAndRehashed_NamesTheNextEntryWhoseLinkNoLongerHolds()
    {
        await RecordChangesAsync();
        await _catalogue.ExecuteSqlAsync("UPDATE AuditEntries SET UserName = 'mallory' WHERE Sequence = 4");
        await using (var scope = _catalogue.As("mallory"))
        {
            var forged = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 4);
            await _catalogue.ExecuteSqlAsync($"UPDATE AuditEntries SET Hash = '{AuditChain.ComputeHash(forged)}' WHERE Sequence = 4");
        }

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(5));
        Assert.That(verification.Reason, Does.Contain("does not link to the entry before it"));
    }

    [Test]
    public async Task Verify_AfterAnEntryWasDeleted_NamesTheGap()
    {
        await RecordChangesAsync();
        Assert.That(await _catalogue.ExecuteSqlAsync("DELETE FROM AuditEntries WHERE Sequence = 3"), Is.EqualTo(1));

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.Intact, Is.False);
        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(4), "The first entry that does not check out is the one after the gap.");
        Assert.That(verification.Reason, Does.Contain("3").And.Contain("missing"));
    }

    [Test]
    public async Task Verify_AfterTheFirstEntryWasDeletedAndTheRestRenumbered_NamesTheFirstEntry()
    {
        await RecordChangesAsync();
        await _catalogue.ExecuteSqlAsync("DELETE FROM AuditEntries WHERE Sequence = 1");
        await _catalogue.ExecuteSqlAsync("UPDATE AuditEntries SET Sequence = -Sequence");
        await _catalogue.ExecuteSqlAsync("UPDATE AuditEntries SET Sequence = -Sequence - 1");

        var verification = await _catalogue.VerifyAuditAsync();

        Assert.That(verification.FirstBrokenEntry, Is.EqualTo(1));
        Assert.That(verification.Intact, Is.False);
    }

    [Test]
    public async Task RefusedSave_LeavesNoEntryAndTheChainIntact()
    {
        await RecordChangesAsync();
        var before = await EntriesAsync();

        var result = await _catalogue.AsAsync(Examiner, c => c.CreateReportAsync(new ConditionReportInput { AccessionNumber = Accession, Examiner = Examiner }));

        Assert.That(result.Succeeded, Is.False);
        Assert.That((await EntriesAsync()).Select(e => e.Hash), Is.EqualTo(before.Select(e => e.Hash)));
        Assert.That((await _catalogue.VerifyAuditAsync()).Intact, Is.True);
    }

    [Test]
    public async Task FailedSave_RollsBackItsEntryWithTheChange_AndTheNextSaveContinuesTheChain()
    {
        await RecordChangesAsync();
        var before = await EntriesAsync();
        var reference = $"TR-{Today.Year}-0001";
        var edit = TreatmentInput.From((await _catalogue.ReadTreatmentAsync(reference))!);
        edit.Title = "Lost in the conflict";
        // A treatment's revision first reads the clock inside the save: the rival commits after our editor loaded version 1.
        _catalogue.Clock.BeforeNextSave(() => _catalogue.ExecuteSql($"UPDATE Treatments SET Version = 7 WHERE Reference = '{reference}'"));
        var failed = await _catalogue.AsAsync("minh.conservator", c => c.ReviseAsync(reference, edit));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0777"));

        Assert.That(failed.Failure, Is.EqualTo(Catalogue.Core.Common.FailureKind.Conflict));
        Assert.That((await _catalogue.ReadTreatmentAsync(reference))!.Title, Is.EqualTo("Clean and consolidate the glaze"));
        var after = await EntriesAsync();
        Assert.That(after, Has.Count.EqualTo(before.Count + 1), "Only the later artifact was recorded.");
        Assert.That(after[^1].EntityKey, Is.EqualTo("TL.2023.0777"));
        Assert.That(after[^1].PreviousHash, Is.EqualTo(before[^1].Hash));
        Assert.That((await _catalogue.VerifyAuditAsync()).Intact, Is.True);
    }

    [Test]
    public async Task EveryChange_IsAttributedAndDated()
    {
        await RecordChangesAsync();

        var entries = await EntriesAsync();

        Assert.That(entries, Has.All.Matches<AuditEntry>(e => e.UserName.Length > 0 && e.At > DateTime.UtcNow.AddHours(-1) && e.At.Kind == DateTimeKind.Utc));
        Assert.That(entries.Where(e => e.EntityType == ConditionReport.AuditType).Select(e => e.UserName).Distinct(), Is.EqualTo(new[] { Examiner }));
    }

    [Test]
    public async Task VerifyAuditCommand_OnAnUntouchedChain_ExitsZeroAndSaysIntact()
    {
        await RecordChangesAsync();
        var count = (await EntriesAsync()).Count;

        var (exitCode, output) = await RunCliAsync("verify-audit");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Intact").And.Contain($"{count} entries"));
        var last = (await EntriesAsync())[^1];
        Assert.That(output, Does.Contain($"Head: {last.Sequence}:{last.Hash}"));
    }

    [Test]
    public async Task VerifyAuditCommand_WithTheHeadItPrinted_CatchesADeletedTail()
    {
        await RecordChangesAsync();
        var head = (await VerifyAsync(null)).Head!;

        var (intactCode, intact) = await RunCliAsync("verify-audit", "--head", head.ToString());
        await _catalogue.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence = {head.Sequence}");
        var (brokenCode, broken) = await RunCliAsync("verify-audit", "--head", head.ToString());

        Assert.That(intactCode, Is.Zero, intact);
        Assert.That(System.Text.RegularExpressions.Regex.Replace(intact, @"\s+", " "), Does.Contain($"entry {head.Sequence} is the one recorded"), "the console wraps long lines");
        Assert.That(brokenCode, Is.EqualTo(1), broken);
        Assert.That(System.Text.RegularExpressions.Regex.Replace(broken, @"\s+", " "), Does.Contain($"Broken at entry {head.Sequence}").And.Contain("were removed"));
    }

    [Test]
    public async Task VerifyAuditCommand_WithAMalformedHead_SaysWhatAHeadLooksLike()
    {
        var (exitCode, output) = await RunCliAsync("verify-audit", "--head", "twelve");

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--head").And.Contain("sequence:hash"));
    }

    [Test]
    public async Task VerifyAuditCommand_AfterTampering_ExitsOneAndNamesTheFirstBrokenEntry()
    {
        await RecordChangesAsync();
        await _catalogue.ExecuteSqlAsync("UPDATE AuditEntries SET Changes = '[{\"field\":\"Title.En\",\"old\":null,\"new\":\"Forged\"}]' WHERE Sequence = 5");

        var (exitCode, output) = await RunCliAsync("verify-audit");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Broken at entry 5").And.Contain("no longer matches its hash"));
    }

    [Test]
    public async Task VerifyAuditCommand_AfterAnEntryWasDeleted_ExitsOneAndNamesTheGap()
    {
        await RecordChangesAsync();
        await _catalogue.ExecuteSqlAsync("DELETE FROM AuditEntries WHERE Sequence = 2");

        var (exitCode, output) = await RunCliAsync("verify-audit");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Broken at entry 3").And.Contain("missing"));
    }

    /// <summary>Terms (seeded), an artifact, a condition report created then revised, and a treatment proposed.</summary>
    private async Task RecordChangesAsync()
    {
        await _catalogue.SeedConservationTermsAsync();
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact(Accession).WithTitleEn("Celadon bowl"));
        var report = await _catalogue.CreateReportAsync(Report());
        var edit = ConditionReportInput.From((await _catalogue.ReadReportAsync(report.Reference))!);
        edit.Recommendation = "Rehouse";
        var revised = await _catalogue.AsAsync(Examiner, c => c.UpdateReportAsync(report.Reference, edit));
        Assert.That(revised.Succeeded, Is.True);
        await _catalogue.ProposeTreatmentAsync(new StaffMember("hoa.conservator", "no-account"));
    }

    private async Task<AuditVerification> VerifyAsync(AuditHead? recorded)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<AuditChain>().VerifyAsync(recorded);
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        await using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        using var reader = new StringReader(string.Empty);
        var exitCode = await CliApplication.RunAsync([.. args, "--data-dir", _catalogue.DataDirectory], reader, console, inputRedirected: true);
        return (exitCode, writer.ToString());
    }
}
