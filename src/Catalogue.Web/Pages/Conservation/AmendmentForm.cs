namespace Catalogue.Web.Pages.Conservation;

/// <summary>What the amendment form shows: the record's parts to choose from, and what was typed when it comes back refused.</summary>
public sealed record AmendmentForm(string RecordUrl, IReadOnlyList<string> Sections, string? Section = null, string? Text = null, string? Reason = null);
