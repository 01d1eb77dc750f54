using Catalogue.Core.Users;
using Catalogue.Web.Tests.Infrastructure;
using Catalogue.Web.Tests.Pages.Conservation;
using Catalogue.Web.Tests.Pages.Excavation;

namespace Catalogue.Web.Tests.Pages;

/// <summary>
/// The forms propose, and accept, the institution's day: at half past eleven at night UTC it is already half past six
/// the next morning in Hanoi, where the records are made.
/// </summary>
public sealed class InstitutionDayTests() : CatalogueApp()
{
    /// <summary>The system clock moved on to the next half past eleven at night, UTC.</summary>
    private sealed class HalfPastElevenUtc : TimeProvider
    {
        private readonly TimeSpan _shift;

        public HalfPastElevenUtc()
        {
            var now = DateTime.UtcNow;
            var target = now.Date.AddHours(23.5);
            Now = target < now ? target.AddDays(1) : target;
            _shift = Now - now;
        }

        public DateTime Now { get; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }

    private readonly HalfPastElevenUtc clock = new();

    /// <summary>Vietnam keeps UTC+7 all year.</summary>
    private DateOnly HanoiDay => DateOnly.FromDateTime(clock.Now.AddHours(7));

    protected override void Configure(CatalogueFactory app) => app.Clock = clock;

    [Test]
    public async Task A_condition_report_form_proposes_the_Hanoi_day_and_saves_it_rather_than_calling_it_the_future()
    {
        var conservator = await SignInAsync(Roles.Conservator);
        var artifact = await new ConservationRecords(App.Services).ArtifactAsync();

        var form = await conservator.ReportFormAsync(artifact);
        var reference = await conservator.SubmitExpectingRecordAsync(form, "/Conservation/Reports/Details/");

        Assert.That(form.Value("Input.ExaminedOn"), Is.EqualTo(ConservationForms.Day(HanoiDay)));
        var page = await conservator.GetPageAsync($"/Conservation/Reports/Details/{reference}");
        Assert.That(page.Text(), Does.Contain(ConservationForms.Day(HanoiDay)));
    }

    [Test]
    public async Task The_finds_register_proposes_the_Hanoi_day()
    {
        var archaeologist = await SignInAsync(Roles.Archaeologist);
        var site = await new ExcavationRecords(App.Services).SiteWithContextsAsync(1);

        var form = await archaeologist.RegisterFormAsync(site, 1);

        Assert.That(form.Value("Input.FoundOn"), Is.EqualTo(ConservationForms.Day(HanoiDay)));
    }
}
