using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Catalogue.Core.Search;

/// <summary>
/// The index on disk under <c>&lt;DataDirectory&gt;/index</c>: one <see cref="IndexWriter"/> for the life of the
/// process and a <see cref="SearcherManager"/> whose searchers are acquired per query and refreshed after each write.
/// Opened on first use, so commands that never search do not lock the index.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SchemaKey = "schema";

    private readonly string _path;
    private readonly System.Threading.Lock _openLock = new();
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private bool _disposed;

    public SearchIndex(IOptions<CatalogueOptions> options)
        : this(System.IO.Path.Combine(options.Value.DataDirectory, "index"))
    {
    }

    public SearchIndex(string path) => _path = path;

    public string Location => _path;

    /// <summary>True when the folder held an index before this process opened it.</summary>
    public bool ExistedOnOpen { get; private set; }

    private IndexWriter Writer => Open().Writer;

    /// <summary>The number of live documents in the last refreshed searcher.</summary>
    public int DocumentCount
    {
        get
        {
            var searcher = Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                Release(searcher);
            }
        }
    }

    /// <summary>The schema version written with the last commit, or null for a new or foreign index.</summary>
    public string? SchemaVersion =>
        Writer.CommitData is { } data && data.TryGetValue(SchemaKey, out var version) ? version : null;

    public IndexSearcher Acquire() => Open().Searchers.Acquire();

    public void Release(IndexSearcher searcher) => Open().Searchers.Release(searcher);

    /// <summary>Adds or replaces the documents of these records (not visible until <see cref="Commit"/>).</summary>
    public void Upsert(IEnumerable<SearchRecord> records)
    {
        var writer = Writer;
        foreach (var record in records)
            writer.UpdateDocument(new Term(SearchFields.Key, record.Key), SearchDocuments.Build(record));
    }

    /// <summary>Adds documents known not to be in the index yet (a rebuild): faster than replacing.</summary>
    public void Add(IEnumerable<SearchRecord> records)
    {
        var writer = Writer;
        foreach (var record in records)
            writer.AddDocument(SearchDocuments.Build(record));
    }

    public void Delete(IEnumerable<string> keys)
    {
        var terms = keys.Select(k => new Term(SearchFields.Key, k)).ToArray();
        if (terms.Length > 0)
            Writer.DeleteDocuments(terms);
    }

    /// <summary>
    /// Starts a rebuild from scratch that indexes on as many threads as add to it, beside the index (in a folder next to
    /// it): searches see the index as it was until <see cref="SearchIndexRebuild.Complete"/>.
    /// </summary>
    public SearchIndexRebuild BeginRebuild() => new(this, _path.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".rebuild");

    /// <summary>Replaces every document with the segments of these finished indexes (their files are taken in), and commits.</summary>
    internal void ReplaceAll(LuceneDirectory[] parts)
    {
        var writer = Writer;
        try
        {
            writer.DeleteAll();
            writer.AddIndexes(parts);
            Commit();
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>Makes the changes durable, stamps the schema version, and refreshes the searchers so they see them.</summary>
    public void Commit()
    {
        var (writer, searchers) = Open();
        writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = SearchFields.SchemaVersion });
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Waits for the merges a bulk load started (a benchmark counts them in the build).</summary>
    public void WaitForMerges() => Writer.WaitForMerges();

    public void Rollback()
    {
        lock (_openLock)
        {
            // IndexWriter.Rollback closes the writer; the next use opens a fresh one on the last commit.
            _searchers?.Dispose();
            _writer?.Rollback();
            _writer = null;
            _searchers = null;
        }
    }

    private (IndexWriter Writer, SearcherManager Searchers) Open()
    {
        if (_writer is { } w && _searchers is { } s)
            return (w, s);
        lock (_openLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null || _searchers is null)
            {
                System.IO.Directory.CreateDirectory(_path);
                CatalogueCodec.Register();
                _directory ??= FSDirectory.Open(_path);
                ExistedOnOpen = DirectoryReader.IndexExists(_directory);
                var config = new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.Indexing)
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    RAMBufferSizeMB = 256, // a rebuild flushes fewer, larger segments, so there is less to merge
                    MergedSegmentWarmer = new FacetWarmer(), // a merged segment is searchable with its facets ready
                    Codec = new CatalogueCodec(),
                };
                _writer = new IndexWriter(_directory, config);
                if (!ExistedOnOpen)
                    _writer.Commit(); // an empty commit, so searchers can open before the first rebuild ends
                _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: new WarmSearcherFactory());
            }

            return (_writer, _searchers);
        }
    }

    /// <summary>Reads the facet ordinals of a segment a merge has just written, before searches see it.</summary>
    private sealed class FacetWarmer : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => FacetOrdinals.For(reader);
    }

    /// <summary>Each refreshed searcher has the facet ordinals of its new segments read before it is handed out.</summary>
    private sealed class WarmSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
                FacetOrdinals.For(leaf.AtomicReader);
            return new IndexSearcher(reader);
        }
    }

    public void Dispose()
    {
        lock (_openLock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _searchers?.Dispose();
            // Never commit on the way out: whatever was not committed is still in the outbox (or a rebuild will redo it).
            _writer?.Rollback();
            _directory?.Dispose();
        }
    }
}
