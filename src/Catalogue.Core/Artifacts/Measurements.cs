using Catalogue.Core.Common;

namespace Catalogue.Core.Artifacts;

/// <summary>Linear dimensions of an object, all in one unit.</summary>
public sealed record Dimensions
{
    public static readonly string[] Units = ["mm", "cm", "m"];

    public decimal? Length { get; init; }
    public decimal? Width { get; init; }
    public decimal? Height { get; init; }
    public decimal? Diameter { get; init; }
    public decimal? Thickness { get; init; }
    public string? Unit { get; init; }

    public static Dimensions None => new();

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasAny => Length is not null || Width is not null || Height is not null || Diameter is not null || Thickness is not null;

    public IEnumerable<(string Name, decimal Value)> Given()
    {
        if (Length is { } l) yield return (nameof(Length), l);
        if (Width is { } w) yield return (nameof(Width), w);
        if (Height is { } h) yield return (nameof(Height), h);
        if (Diameter is { } d) yield return (nameof(Diameter), d);
        if (Thickness is { } t) yield return (nameof(Thickness), t);
    }

    /// <summary>Checks the rules: every given value positive, a known unit when any value is given.</summary>
    public Dimensions Validated()
    {
        foreach (var (name, value) in Given())
        {
            if (value <= 0)
                throw new DomainRuleException($"Dimensions.{name}", $"{name} must be greater than zero.");
        }

        if (HasAny && (Unit is null || !Units.Contains(Unit)))
            throw new DomainRuleException("Dimensions.Unit", "Dimensions need a unit: mm, cm or m.");
        return HasAny ? this : None;
    }

    public override string ToString() =>
        HasAny ? string.Join(" × ", Given().Select(g => $"{g.Name[0]} {g.Value:0.###}")) + $" {Unit}" : string.Empty;
}

/// <summary>The weight of an object with its unit.</summary>
public sealed record Weight
{
    public static readonly string[] Units = ["g", "kg"];

    public decimal? Value { get; init; }
    public string? Unit { get; init; }

    public static Weight None => new();

    public Weight Validated()
    {
        if (Value is null)
            return None;
        if (Value <= 0)
            throw new DomainRuleException("Weight.Value", "Weight must be greater than zero.");
        if (Unit is null || !Units.Contains(Unit))
            throw new DomainRuleException("Weight.Unit", "Weight needs a unit: g or kg.");
        return this;
    }

    public override string ToString() => Value is null ? string.Empty : $"{Value:0.###} {Unit}";
}

/// <summary>When an object was made: earliest and latest year and the date as the cataloguer wrote it.</summary>
public sealed record Dating
{
    public const int TextMaxLength = 200;
    public const int MinYear = -3000;
    public const int MaxYear = 2100;

    public int? EarliestYear { get; init; }
    public int? LatestYear { get; init; }

    /// <summary>The date as written, e.g. "c. 1010-1225" or "Lý dynasty, 11th c.".</summary>
    public string? Text { get; init; }

    public static Dating None => new();

    public Dating Validated()
    {
        foreach (var (name, year) in new[] { (nameof(EarliestYear), EarliestYear), (nameof(LatestYear), LatestYear) })
        {
            if (year is < MinYear or > MaxYear)
                throw new DomainRuleException($"Dating.{name}", $"A year must be between {MinYear} and {MaxYear}.");
        }

        if (EarliestYear > LatestYear)
            throw new DomainRuleException("Dating.LatestYear", "The latest year cannot be before the earliest year.");
        return this;
    }

    public override string ToString() =>
        Text ?? (EarliestYear, LatestYear) switch
        {
            (null, null) => string.Empty,
            ({ } e, { } l) when e == l => e.ToString(),
            (var e, var l) => $"{e?.ToString() ?? "?"}–{l?.ToString() ?? "?"}",
        };
}
