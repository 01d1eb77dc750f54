namespace Catalogue.Core.Tests.Support;

/// <summary>
/// The system clock (moved by <see cref="Shift"/> when a test needs another time of day), plus a one-shot hook that
/// runs the next time anyone asks the time.
/// Every save asks the time first (to stamp the records), after the command has validated and
/// loaded, so the hook lets a rival writer commit in exactly the window a real race would use.
/// </summary>
public sealed class RivalWriterClock : TimeProvider
{
    private Action? _beforeNextSave;

    public void BeforeNextSave(Action rivalWrite) => _beforeNextSave = rivalWrite;

    /// <summary>How far this clock runs ahead of the system's.</summary>
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var rivalWrite = Interlocked.Exchange(ref _beforeNextSave, null);
        rivalWrite?.Invoke();
        return System.GetUtcNow() + Shift;
    }
}
