namespace Catalogue.Core.Search;

/// <summary>Receives the fields of one record's document in order (<see cref="SearchDocuments.Describe"/>).</summary>
internal interface IDocumentFields
{
    /// <summary>One untokenized term, as Lucene's StringField indexes it; stored as well when asked.</summary>
    void Keyword(string field, string value, bool stored);

    /// <summary>A value kept for showing the hit, not searched.</summary>
    void Stored(string field, string value);

    /// <summary>Text analysed by <see cref="SearchAnalysis.Indexing"/>, with positions and a length norm.</summary>
    void Text(string field, string text);

    /// <summary>A year, as an Int32Field indexes it (trie terms, for range queries).</summary>
    void Year(string field, int year);

    void SortedSet(string field, string value);

    void Sorted(string field, string value);

    void Numeric(string field, long value);
}
