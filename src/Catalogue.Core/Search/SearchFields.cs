namespace Catalogue.Core.Search;

/// <summary>The field names of the index. Change <see cref="SchemaVersion"/> whenever documents are built differently.</summary>
public static class SearchFields
{
    /// <summary>Stored in the index's commit data; an index of another version is rebuilt on start.</summary>
    public const string SchemaVersion = "5";

    public const string Key = "key";
    public const string Type = "doctype";
    public const string Number = "number";

    /// <summary>Accession, find and context numbers, lower case, untokenized: found whole and by prefix.</summary>
    public const string Ids = "ids";

    // Text fields hold every word as written and, at the same position, folded (diacritics removed): one pass of
    // analysis, and a query can ask for the exact form (boosted) and the folded one.
    public const string Text = "text";
    public const string Title = "title";
    public const string Inscription = "inscription";

    /// <summary>Text only staff may search (provenance, field notes, find and context numbers).</summary>
    public const string Staff = "staff";

    public const string YearFrom = "year_from";
    public const string YearTo = "year_to";
    public const string SortNumber = "sort_number";
    public const string SortYear = "sort_year";

    // Stored only, for hits and snippets.
    public const string StoredTitleVi = "s_title_vi";
    public const string StoredTitleFr = "s_title_fr";
    public const string StoredTitleEn = "s_title_en";
    /// <summary>The description in one language, stored apart so a snippet can be cut from the reader's.</summary>
    public static string StoredDescription(string language) => "s_description_" + language;

    public const string StoredInscription = "s_inscription";
    public const string StoredDating = "s_dating";
    public const string StoredStaff = "s_staff";

    /// <summary>
    /// Every facet value of a document in one SortedSetDocValues field, as "facet\u001fvalue": counting reads one
    /// doc-values entry per matching document instead of one per facet.
    /// </summary>
    public const string FacetValues = "facets";

    public const char FacetSeparator = '\u001f';

    // Facets: indexed under their own name (for filters), counted from FacetValues.
    public const string ObjectType = "type";
    public const string Material = "material";
    public const string Period = "period";
    public const string Site = "site";
    public const string Condition = "condition";
    public const string Status = "status";
    public const string HasImage = "has_image";

    /// <summary>Every facet, in the order pages show them.</summary>
    public static readonly string[] Facets = [ObjectType, Material, Period, Site, Condition, Status, HasImage];

    /// <summary>The facets an anonymous visitor may see: never conservation (condition), workflow state or provenance (site).</summary>
    public static readonly string[] PublicFacets = [ObjectType, Material, Period, HasImage];

    public static bool IsFacet(string field) => Array.IndexOf(Facets, field) >= 0;
}
