using Catalogue.Core.Conservation;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Conservation;

/// <summary>
/// The parts of a conservation record an amendment can be about. An amendment keeps the part's English name, as it was
/// written into the record; the pages show it in the reader's language.
/// </summary>
public static class AmendmentSections
{
    public const string Proposal = "Proposal";
    public const string ConditionBefore = "Condition before";
    public const string ConditionAfter = "Condition after";
    public const string Outcome = "Outcome";
    public const string Other = "Other";

    private const string StepPrefix = "Step ";

    /// <summary>The parts of a treatment with a text of their own, in the order the record shows them.</summary>
    public static readonly IReadOnlyList<string> TreatmentTexts = [Proposal, ConditionBefore, ConditionAfter, Outcome];

    /// <summary>The parts of a condition report, in the order the record shows them.</summary>
    public static readonly IReadOnlyList<string> OfReport =
        ["Examination", "Overall condition", "Damage observed", "Hazards", "Recommendation", "Next check due", "Notes", Other];

    public static string Step(int order) => StepPrefix + order;

    /// <summary>Every part of this treatment an amendment may name, its steps included.</summary>
    public static IReadOnlyList<string> Of(Treatment treatment) => [.. TreatmentTexts, .. treatment.Steps.Select(s => Step(s.Order)), Other];

    /// <summary>The part's name in the reader's language ("Step 3" as "Bước 3").</summary>
    public static string Label(string section, IStringLocalizer l) =>
        section.StartsWith(StepPrefix, StringComparison.Ordinal) && int.TryParse(section.AsSpan(StepPrefix.Length), out var order)
            ? l["Step {0}", order]
            : l[section];
}
