namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// One context as the stratigraphy engine sees it.
/// </summary>
/// <param name="Key">The context number as text, unique within its site (e.g. "1023").</param>
/// <param name="Label">What to show in the matrix; the key when left blank.</param>
/// <param name="Phase">The phase the context is assigned to, if any (e.g. "Trần").</param>
/// <param name="PhaseOrder">Sorts phases in legends (ascending); phases without one come last, by name.</param>
public sealed record StratigraphicUnit(string Key, string Label, string? Phase, int? PhaseOrder)
{
    /// <summary>A context known only by its number, with no phase.</summary>
    public StratigraphicUnit(string key) : this(key, key, null, null)
    {
    }

    /// <summary>The label to draw: <see cref="Label"/>, or the key when the label is blank.</summary>
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Key : Label;
}
