namespace Catalogue.Web.Tests.Infrastructure;

/// <summary>The system clock moved on by <see cref="Shift"/>, for a test that needs the app to live later (a window gone by).</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
