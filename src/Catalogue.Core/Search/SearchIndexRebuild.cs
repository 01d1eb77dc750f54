using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Catalogue.Core.Search;

/// <summary>
/// A rebuild from scratch, written beside the index and swapped in whole by <see cref="Complete"/>: until then the
/// index answers searches as it was. Each thread that adds records gets a part of its own (a writer in its own folder,
/// and a <see cref="SegmentBuffer"/> that inverts records with our own code before Lucene writes them out as a segment),
/// so a rebuild indexes on every core without the locks one shared writer takes for every record, and every part
/// writes out its last records at the same time. Completing moves the parts' segment files into the index (a rename,
/// not a copy) in place of every document it had, and commits.
/// </summary>
public sealed class SearchIndexRebuild : IDisposable
{
    /// <summary>
    /// The parts' buffers together (each part writes a segment when its share fills, at about 2.7 KB a record): on two
    /// cores, the parts of a million records write eight to ten segments of 110 to 140 MB (the last of each part may be
    /// smaller), which the index keeps without merging them.
    /// </summary>
    private const double BufferMb = 640;

    private const double MinPartBufferMb = 64;

    private static double PartBufferMb => Math.Max(MinPartBufferMb, BufferMb / Environment.ProcessorCount);

    private readonly SearchIndex _index;
    private readonly string _folder;
    private readonly ConcurrentBag<Part> _free = [];
    private readonly ConcurrentQueue<Part> _parts = new();
    private int _count;
    private bool _done;

    internal SearchIndexRebuild(SearchIndex index, string folder)
    {
        _index = index;
        _folder = folder;
        DeleteFolder(); // a rebuild that crashed leaves its parts behind; they are never half-used, only discarded
        System.IO.Directory.CreateDirectory(folder);
    }

    /// <summary>How many records have been added.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds records to the rebuild on the calling thread; threads may add at the same time.</summary>
    public void Add(IEnumerable<SearchRecord> records)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (!_free.TryTake(out var part))
        {
            part = new Part(System.IO.Path.Combine(_folder, $"part-{_parts.Count}-{Guid.NewGuid():N}"));
            _parts.Enqueue(part);
        }

        try
        {
            var added = 0;
            foreach (var record in records)
            {
                part.Add(record);
                added++;
            }

            Interlocked.Add(ref _count, added);
        }
        finally
        {
            _free.Add(part);
        }
    }

    /// <summary>
    /// Writes out every part at once, then replaces the index's documents with the parts' in one commit. Call when no
    /// thread is adding any more.
    /// </summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        var parts = _parts.ToArray();
        try
        {
            Parallel.ForEach(parts, part =>
            {
                part.Finish();
                part.Directory.SyncAll();
            });
            _index.ReplaceAll(parts.Select(p => (LuceneDirectory)p.Directory).ToArray());
        }
        finally
        {
            Close(parts);
        }
    }

    /// <summary>Discards the parts of a rebuild that was not completed; the index stays as it was.</summary>
    public void Dispose()
    {
        if (_done && _parts.IsEmpty)
            return;
        _done = true;
        Close(_parts.ToArray());
    }

    /// <summary>Closes the parts and deletes their folder, without hiding the error that brought a rebuild here.</summary>
    private void Close(Part[] parts)
    {
        _parts.Clear();
        foreach (var part in parts)
            part.Dispose();
        try
        {
            DeleteFolder();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: the next rebuild deletes it before it starts.
        }
    }

    private void DeleteFolder()
    {
        if (System.IO.Directory.Exists(_folder))
            System.IO.Directory.Delete(_folder, recursive: true);
    }

    private sealed class Part : IDisposable
    {
        public Part(string path)
        {
            Directory = new MovingDirectory(path);
            var config = new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.Indexing)
            {
                OpenMode = OpenMode.CREATE,
                Codec = new CatalogueCodec(),
                UseCompoundFile = false, // a compound file is the segment's files copied once more into one
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES, // the index takes the segments in as they are
            };
            Writer = new IndexWriter(Directory, config);
            _buffer = new SegmentBuffer(new TermTable());
        }

        private readonly SegmentBuffer _buffer;

        public MovingDirectory Directory { get; }

        public IndexWriter Writer { get; }

        private bool _finished;

        /// <summary>Adds a record to the part's buffer, writing the buffer out as a segment when it is full.</summary>
        public void Add(SearchRecord record)
        {
            _buffer.Add(record);
            if (_buffer.Count % 256 == 0 && _buffer.Bytes >= PartBufferMb * 1024 * 1024)
                _buffer.WriteTo(Writer);
        }

        /// <summary>Writes out the part's last records and closes its writer.</summary>
        public void Finish()
        {
            _buffer.WriteTo(Writer);
            Writer.Commit();
            Writer.Dispose();
            _finished = true;
        }

        public void Dispose()
        {
            try
            {
                if (!_finished)
                    Writer.Rollback(); // closes the writer without writing anything more
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A part that failed to write out is discarded all the same.
            }
            finally
            {
                Directory.Dispose();
            }
        }
    }

    /// <summary>
    /// A part's folder. Its files are written without waiting for the disk at every file closed (Lucene's own folders
    /// do wait): a part is worth nothing until the rebuild completes, so its files are flushed to disk once, all
    /// together, before the index takes them in. And when it does (IndexWriter.AddIndexes copies each segment file to
    /// a new name) the files are moved instead of copied, since the part is thrown away afterwards and lives on the
    /// same disk.
    /// </summary>
    private sealed class MovingDirectory(string path) : SimpleFSDirectory(path)
    {
        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            EnsureOpen();
            EnsureCanWrite(name);
            return new Output(System.IO.Path.Combine(Directory.FullName, name));
        }

        /// <summary>Makes every file of the part durable.</summary>
        public void SyncAll()
        {
            foreach (var file in Directory.EnumerateFiles())
            {
                using var handle = File.OpenHandle(file.FullName, FileMode.Open, FileAccess.ReadWrite);
                RandomAccess.FlushToDisk(handle);
            }
        }

        public override void Copy(LuceneDirectory to, string src, string dest, IOContext context)
        {
            if (to is FSDirectory target)
            {
                EnsureOpen();
                File.Move(System.IO.Path.Combine(Directory.FullName, src), System.IO.Path.Combine(target.Directory.FullName, dest));
            }
            else
            {
                base.Copy(to, src, dest, context);
            }
        }
    }

    /// <summary>A file written through Lucene's buffer (which keeps its checksum), left to the system to write back.</summary>
    private sealed class Output(string path) : BufferedIndexOutput
    {
        private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

        public override long Length => _file.Length;

        protected override void FlushBuffer(byte[] b, int offset, int len) => _file.Write(b, offset, len);

        [Obsolete("Lucene 4.1 deprecated seeking an output; its writers no longer do.")]
        public override void Seek(long pos)
        {
            base.Seek(pos);
            _file.Seek(pos, SeekOrigin.Begin);
        }

        protected override void Dispose(bool disposing)
        {
            try
            {
                base.Dispose(disposing); // writes out the buffer
            }
            finally
            {
                if (disposing)
                    _file.Dispose();
            }
        }
    }
}
