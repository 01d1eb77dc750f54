using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Catalogue.Core.Tests.Support.ConservationSetup;
using static Catalogue.Core.Tests.Support.LocationSetup;

namespace Catalogue.Core.Tests.Common;

/// <summary>
/// Records are dated by the institution's day, not by the day in UTC: in Hanoi (UTC+7) the morning until seven is
/// still the day before in UTC.
/// </summary>
public sealed class InstitutionCalendarTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static InstitutionCalendar Calendar(string zone, DateTimeOffset now) =>
        new(new FixedClock(now), Options.Create(new CatalogueOptions { TimeZone = zone }));

    [Test]
    public void At_half_past_eleven_at_night_UTC_it_is_already_the_next_day_in_Hanoi_and_Paris_but_not_in_New_York()
    {
        var now = new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Calendar("Asia/Ho_Chi_Minh", now).Today, Is.EqualTo(new DateOnly(2026, 12, 3)));
            Assert.That(Calendar("Europe/Paris", now).Today, Is.EqualTo(new DateOnly(2026, 12, 3)));
            Assert.That(Calendar("America/New_York", now).Today, Is.EqualTo(new DateOnly(2026, 12, 2)));
            Assert.That(Calendar("UTC", now).Today, Is.EqualTo(new DateOnly(2026, 12, 2)));
        }
    }

    [Test]
    public void A_time_of_an_institutions_day_is_the_instant_its_clocks_show_it_summer_time_included()
    {
        var hanoi = Calendar("Asia/Ho_Chi_Minh", DateTimeOffset.UtcNow);
        var paris = Calendar("Europe/Paris", DateTimeOffset.UtcNow);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hanoi.ToUtc(new DateOnly(2026, 12, 3), new TimeOnly(12, 0)), Is.EqualTo(new DateTime(2026, 12, 3, 5, 0, 0, DateTimeKind.Utc)));
            Assert.That(paris.ToUtc(new DateOnly(2026, 7, 14), new TimeOnly(12, 0)), Is.EqualTo(new DateTime(2026, 7, 14, 10, 0, 0, DateTimeKind.Utc)));
            Assert.That(paris.ToUtc(new DateOnly(2026, 12, 3), new TimeOnly(12, 0)), Is.EqualTo(new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc)));
            Assert.That(hanoi.DayOf(new DateTime(2026, 12, 2, 22, 0, 0, DateTimeKind.Utc)), Is.EqualTo(new DateOnly(2026, 12, 3)));
            Assert.That(hanoi.DayOf(new DateTime(2026, 12, 2, 16, 59, 0, DateTimeKind.Utc)), Is.EqualTo(new DateOnly(2026, 12, 2)));
        }
    }

    [Test]
    public void A_time_zone_the_machine_does_not_know_is_refused_when_the_catalogue_starts_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Catalogue:TimeZone"] = "Mars/Olympus_Mons" })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCatalogueCore().BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<CatalogueOptions>>().Value);

        Assert.That(refused!.Message, Does.Contain("Catalogue:TimeZone 'Mars/Olympus_Mons' is not a time zone").And.Contain("Asia/Ho_Chi_Minh"));
    }

    /// <summary>A test catalogue (in Hanoi's zone) whose clock shows the next half past eleven at night, UTC, and that moment.</summary>
    private static async Task<(TestCatalogue Catalogue, DateTime Now)> AtHalfPastElevenUtcAsync()
    {
        var catalogue = await TestCatalogue.StartAsync();
        var now = DateTime.UtcNow;
        var target = now.Date.AddHours(23.5);
        if (target < now)
            target = target.AddDays(1);
        catalogue.Clock.Shift = target - now;
        return (catalogue, target);
    }

    [Test]
    public async Task A_report_examined_and_a_treatment_approved_at_half_past_six_in_the_morning_in_Hanoi_are_dated_that_Hanoi_day()
    {
        var (catalogue, now) = await AtHalfPastElevenUtcAsync();
        await using var _ = catalogue;
        var hanoiDay = DateOnly.FromDateTime(now.AddHours(7)); // Vietnam keeps UTC+7 all year
        await catalogue.SeedConservationTermsAsync();
        await catalogue.CreateArtifactAsync(catalogue.Artifact(Accession).AccessionedOn(hanoiDay));
        var curator = await catalogue.CreateStaffAsync("lan@catalogue.test", Roles.Curator);
        var conservator = await catalogue.CreateStaffAsync("hoa@catalogue.test", Roles.Conservator);

        var report = await catalogue.CreateReportAsync(Report(examinedOn: hanoiDay));
        var reference = await catalogue.ProposeTreatmentAsync(conservator);
        var approved = await catalogue.AsAsync(curator, c => c.ApproveAsync(reference, 1));

        ExcavationSetup.AssertSucceeded(approved, "Approving");
        var treatment = (await catalogue.ReadTreatmentAsync(reference))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ExaminedOn, Is.EqualTo(hanoiDay), "examined today in Hanoi is not in the future");
            Assert.That((treatment.ProposedOn, treatment.ApprovedOn), Is.EqualTo((hanoiDay, (DateOnly?)hanoiDay)));
        }
    }

    [Test]
    public async Task A_loan_dispatched_at_half_past_six_in_the_morning_in_Hanoi_is_recorded_then_not_refused_as_future()
    {
        var (catalogue, now) = await AtHalfPastElevenUtcAsync();
        await using var _ = catalogue;
        await catalogue.CreateStoreAsync();
        var objects = await catalogue.CreateArtifactsAsync(1);
        await catalogue.MovedAsync("K1-R1-S1-B1", Day1, objects);
        var loan = await catalogue.CreateLoanAsync(null, objects);
        ExcavationSetup.AssertSucceeded(await catalogue.OnLoanAsync(loan, (c, v) => c.AgreeAsync(loan, v)), "Agreeing");

        var dispatched = await catalogue.OnLoanAsync(loan, (c, v) => c.DispatchAsync(loan, v, on: null, withoutDepartureChecks: true));

        ExcavationSetup.AssertSucceeded(dispatched, "Dispatching");
        var away = (await catalogue.PlacementOfAsync(objects[0]))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dispatched.Value!.DispatchedOn, Is.EqualTo(DateOnly.FromDateTime(now.AddHours(7))));
            Assert.That(away.LoanReference, Is.EqualTo(loan));
            Assert.That(away.Since, Is.EqualTo(now).Within(TimeSpan.FromMinutes(5)), "the move is recorded at the time it was made");
        }
    }
}
