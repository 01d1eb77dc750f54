using System.Globalization;
using Microsoft.Extensions.Options;

namespace Catalogue.Core.Common;

/// <summary>
/// The institution's calendar: records are dated by the day it is where the work is done, not by the day in UTC. At
/// six in the morning in Hanoi it is still the day before in UTC, and a treatment approved then, a report examined
/// then or a loan dispatched then belongs to the Hanoi day. The zone is <see cref="CatalogueOptions.TimeZone"/>.
/// </summary>
public sealed class InstitutionCalendar(TimeProvider clock, IOptions<CatalogueOptions> options)
{
    /// <summary>The institution's time zone.</summary>
    public TimeZoneInfo Zone { get; } = CatalogueOptions.FindZone(options.Value.TimeZone)
        ?? throw new InvalidOperationException(CatalogueOptions.UnknownZone(options.Value.TimeZone));

    /// <summary>Today, where the institution is.</summary>
    public DateOnly Today => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The institution's day in which an instant (UTC) falls.</summary>
    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>An instant (UTC) as the institution's clocks show it.</summary>
    public DateTimeOffset Local(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>An instant (UTC) as the institution's clocks show it, with their offset: "2026-12-03 06:14 UTC+07:00".</summary>
    /// <summary>The earliest day a field or conservation record may carry: earlier is a typing slip (0001-01-01, say).</summary>
    public static readonly DateOnly EarliestRecord = new(1900, 1, 1);

    /// <summary>Whether a record may be dated on this day: from <see cref="EarliestRecord"/> to the institution's today.</summary>
    public bool IsRecordDay(DateOnly day) => day >= EarliestRecord && day <= Today;

    public string Time(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant (UTC) the institution's clocks showed <paramref name="local"/> (as a form's date and time gives it);
    /// null for a time they skipped when they changed to summer time.
    /// </summary>
    public DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>The instant (UTC) of a time of the institution's day <paramref name="day"/> (never one a clock change skips).</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);
}
