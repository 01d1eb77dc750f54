using System.Text.RegularExpressions;
using Catalogue.Core.Common;
using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Excavation;

/// <summary>The kinds of stratigraphic unit.</summary>
public enum ContextType
{
    Deposit,
    Cut,
    Fill,
    Structure,
    Interface,
}

/// <summary>What an archaeologist records about one stratigraphic unit.</summary>
public sealed record ContextDetails
{
    public ContextType Type { get; init; }
    public int? AreaId { get; init; }
    public string? Description { get; init; }
    public string? MunsellColour { get; init; }
    public string? Composition { get; init; }
    public decimal? TopLevel { get; init; }
    public decimal? BottomLevel { get; init; }
    public string? Excavator { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? Phase { get; init; }
    public int? PeriodId { get; init; }
}

/// <summary>One stratigraphic unit (deposit, cut, fill, structure, interface), numbered uniquely within its site.</summary>
public sealed partial class Context : ITrackedEntity, IAudited
{
    public const int MaxNumber = 999_999;
    public const int DescriptionMaxLength = 4000;
    public const int CompositionMaxLength = 1000;
    public const int ExcavatorMaxLength = 200;
    public const int PhaseMaxLength = 50;
    public const int MunsellMaxLength = 20;
    public const string AuditType = "Context";

    private Context()
    {
        SiteCode = string.Empty;
    }

    public Context(Site site, int number, ContextDetails details) : this()
    {
        if (number is < 1 or > MaxNumber)
            throw new DomainRuleException(nameof(Number), $"A context number is between 1 and {MaxNumber}.");
        Site = site;
        SiteCode = site.Code;
        Number = number;
        Revise(details);
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site? Site { get; private set; }

    /// <summary>Copied from the site for references and the audit key.</summary>
    public string SiteCode { get; private set; }

    public int Number { get; private set; }
    public ContextType Type { get; private set; }
    public int? AreaId { get; private set; }
    public Area? Area { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Soil colour in Munsell notation, e.g. <c>10YR 4/3</c>.</summary>
    public string? MunsellColour { get; private set; }

    public string? Composition { get; private set; }

    /// <summary>Levels in metres (above datum); the bottom is never above the top.</summary>
    public decimal? TopLevel { get; private set; }
    public decimal? BottomLevel { get; private set; }

    public string? Excavator { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? Phase { get; private set; }
    public int? PeriodId { get; private set; }
    public VocabularyTerm? Period { get; private set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Reference;

    /// <summary>How archaeologists write it: cuts in square brackets, other units in round ones.</summary>
    public string Label => Format(Number, Type);

    public string Reference => $"{SiteCode}/{Number}";

    public static string Format(int number, ContextType type) => type == ContextType.Cut ? $"[{number}]" : $"({number})";

    public static bool IsWellFormedMunsell(string? value) => value is null || MunsellPattern().IsMatch(value);

    public void Revise(ContextDetails details)
    {
        if (!Enum.IsDefined(details.Type))
            throw new DomainRuleException(nameof(Type), "Context type must be deposit, cut, fill, structure or interface.");
        var munsell = Clean(details.MunsellColour)?.ToUpperInvariant();
        if (!IsWellFormedMunsell(munsell))
            throw new DomainRuleException(nameof(MunsellColour), "Munsell colour must look like 10YR 4/3 or 7.5YR 5/6 (or N 5/ for neutral greys).");
        if (details.TopLevel is { } top && details.BottomLevel is { } bottom && bottom > top)
            throw new DomainRuleException(nameof(BottomLevel), $"The bottom level ({bottom} m) cannot be higher than the top level ({top} m).");
        if (details.OpenedOn is { } opened && details.ClosedOn is { } closed && closed < opened)
            throw new DomainRuleException(nameof(ClosedOn), "A context cannot be closed before it was opened.");
        CheckLength(nameof(Description), details.Description, DescriptionMaxLength);
        CheckLength(nameof(Composition), details.Composition, CompositionMaxLength);
        CheckLength(nameof(Excavator), details.Excavator, ExcavatorMaxLength);
        CheckLength(nameof(Phase), details.Phase, PhaseMaxLength);

        Type = details.Type;
        AreaId = details.AreaId;
        Description = Clean(details.Description);
        MunsellColour = munsell;
        Composition = Clean(details.Composition);
        TopLevel = details.TopLevel;
        BottomLevel = details.BottomLevel;
        Excavator = Clean(details.Excavator);
        OpenedOn = details.OpenedOn;
        ClosedOn = details.ClosedOn;
        Phase = Clean(details.Phase);
        PeriodId = details.PeriodId;
    }

    private static void CheckLength(string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
            throw new DomainRuleException(field, $"{field} must be at most {max} characters.");
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(System.Text.NormalizationForm.FormC);
    }

    // Hue (e.g. 10YR, 7.5YR, 2.5Y, 5GY) value/chroma, or the neutral N 5/.
    [GeneratedRegex(@"^((\d{1,2}(\.\d)?(R|YR|Y|GY|G|BG|B|PB|P|RP|GLEY ?[12]))\s?\d{1,2}(\.\d)?/\d{1,2}|N\s?\d{1,2}(\.\d)?/0?)$")]
    private static partial Regex MunsellPattern();
}
