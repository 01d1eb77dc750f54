using Catalogue.Core.Common;

namespace Catalogue.Core.Search;

/// <summary>The kinds of record the index holds, each as its own document type.</summary>
public enum SearchDocumentType
{
    Artifact,
    Find,
    Context,
}

/// <summary>
/// What the index knows about one record: a projection of the database (artifact, find or context),
/// built by <see cref="SearchRecords"/> and turned into a Lucene document by <see cref="SearchDocuments"/>.
/// </summary>
public sealed record SearchRecord
{
    public required SearchDocumentType Type { get; init; }

    /// <summary>The database id of the record within its type.</summary>
    public required int Id { get; init; }

    /// <summary>The identifier people type: accession number, find number or context reference (SITE/12).</summary>
    public required string Number { get; init; }

    public LocalizedText Title { get; init; } = LocalizedText.Empty;
    public LocalizedText Description { get; init; } = LocalizedText.Empty;

    /// <summary>The inscription as written, often in Chinese characters.</summary>
    public string? Inscription { get; init; }

    public LocalizedText InscriptionTranslation { get; init; } = LocalizedText.Empty;

    /// <summary>Labels of the object type, materials, techniques and period in every language (searchable).</summary>
    public IReadOnlyList<string> TermLabels { get; init; } = [];

    public string? DatingText { get; init; }
    public int? EarliestYear { get; init; }
    public int? LatestYear { get; init; }

    /// <summary>Text only staff may search: provenance, find and context numbers, field notes.</summary>
    public string? StaffText { get; init; }

    // Facets (codes, lower case).
    public string? ObjectType { get; init; }
    public IReadOnlyList<string> Materials { get; init; } = [];
    public string? Period { get; init; }
    public string? Site { get; init; }
    public string? Condition { get; init; }

    /// <summary>draft, internal or published; finds and contexts are "internal" (staff only).</summary>
    public string Status { get; init; } = "internal";

    public bool HasImage { get; init; }

    public string Key => KeyOf(Type, Id);

    public static string KeyOf(SearchDocumentType type, int id) =>
        $"{type.ToString().ToLowerInvariant()}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
