using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PlanIngest.Search.Analysis;
using Directory = Lucene.Net.Store.Directory;

namespace PlanIngest.Search.Index;

/// <summary>
/// The local Lucene index: derived data, fed from the catalog's change sequence. One
/// <see cref="IndexWriter"/> (Lucene's lock keeps a second process out), upserts by id, and a
/// <see cref="SearcherManager"/> for searches. Changes become durable only at <see cref="Commit"/>, which
/// records the catalog sequence they reach in the commit itself: a crash loses at most the uncommitted
/// tail, which the next feed re-applies from the catalog; it never leaves a half-written index. After a
/// failed flush or commit (a full disk, an I/O error) the writer may have dropped buffered documents or
/// closed itself for good; <see cref="ReopenWriter"/> then starts again from the last commit.
/// </summary>
public sealed class DocumentIndex : IDisposable
{
    private const string CatalogIdKey = "catalog_id";
    private const string SequenceKey = "catalog_sequence";
    private const string SchemaKey = "schema";
    private const string WriterLockFile = "planingest-writer.lock";
    private const int EAGAIN = 11;

    private readonly Directory directory;
    private readonly bool writable;
    private readonly FileStream? writerLock;
    private readonly System.Threading.Lock reopening = new();
    private readonly PlanSearcherFactory searcherFactory;
    private IndexWriter? writer;

    // What the last completed refresh of a read-only index saw (RefreshSearchers); replaced whole, so threads never see half of one.
    private RefreshMark refreshed = new(DateTime.MinValue, DateTime.MinValue);

    private DocumentIndex(string folder, Directory directory, IndexWriter? writer, IndexState committed, int? slices, FileStream? writerLock = null)
    {
        Folder = folder;
        this.directory = directory;
        this.writerLock = writerLock;
        this.writer = writer;
        writable = writer is not null;
        Committed = committed;
        searcherFactory = new PlanSearcherFactory(slices);
        Searchers = writer is null ? new SearcherManager(directory, searcherFactory) : new SearcherManager(writer, true, searcherFactory);
    }

    public string Folder { get; }

    /// <summary>What the last commit holds.</summary>
    public IndexState Committed { get; private set; }

    public bool IsWritable => writable;

    internal SearcherManager Searchers { get; private set; }

    internal static FoldingAnalyzer Analyzer { get; } = new();

    /// <summary>Opens (creating if needed) the index for writing.</summary>
    /// <exception cref="IndexBusyException">Another process holds the index's write lock.</exception>
    public static DocumentIndex OpenForWriting(string folder) => OpenForWriting(folder, null);

    /// <param name="slices">Segment slices a query searches at once (tests, the benchmark); null: one.</param>
    /// <param name="mergeSegments">False keeps every flushed segment (tests that need several segments to prove a per-segment rule).</param>
    internal static DocumentIndex OpenForWriting(string folder, int? slices, bool mergeSegments = true)
    {
        System.IO.Directory.CreateDirectory(folder);
        var writerLock = TakeWriterLock(folder);
        var directory = FSDirectory.Open(new DirectoryInfo(folder));
        IndexWriter writer;
        try
        {
            writer = NewWriter(directory, mergeSegments);
            if (!DirectoryReader.IndexExists(directory))
            {
                // A first, empty commit: a reader opening the index while this writer holds it finds one.
                writer.Commit();
            }
        }
        catch (Exception e)
        {
            directory.Dispose();
            writerLock.Dispose();
            throw e is LockObtainFailedException ? new IndexBusyException(folder) : e;
        }

        return new DocumentIndex(folder, directory, writer, ReadState(writer.CommitData), slices, writerLock) { MergesSegments = mergeSegments };
    }

    /// <summary>
    /// An exclusive lock of our own beside Lucene's: on Linux Lucene.NET's <c>write.lock</c> is only a shared
    /// flock, which a second process obtains as well (two writers on one index); and this one stays held
    /// while <see cref="ReopenWriter"/> has no writer open, so that no other process slips in meanwhile.
    /// </summary>
    private static FileStream TakeWriterLock(string folder)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix, released by the kernel when the process dies.
            return new FileStream(Path.Combine(folder, WriterLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) is EAGAIN || e.Message.Contains("being used by another process", StringComparison.Ordinal))
        {
            throw new IndexBusyException(folder);
        }
    }

    /// <summary>
    /// Drops every change since the last commit and opens a new writer (and searchers) on that commit,
    /// which <see cref="Committed"/> then describes. For after a failed write: Lucene discards the
    /// documents of a flush that failed and closes its writer for good after some errors, so neither it
    /// nor the changes it still holds can be trusted; the caller re-applies from <see cref="Committed"/>.
    /// When the new writer cannot be opened yet (the disk still full), this throws and leaves none, and
    /// the next write tries to open it again. Not safe to call while other threads write.
    /// </summary>
    public void ReopenWriter()
    {
        if (!writable)
        {
            throw new InvalidOperationException("index opened read-only");
        }

        if (writer is { } broken)
        {
            writer = null;
            try
            {
                // Closes it and releases the write lock without committing (Dispose would commit what it holds).
                broken.Rollback();
            }
            catch (Exception)
            {
                // A writer that closed itself after a tragic error has already released everything; cleanup of a broken writer must not hide the error being handled.
            }
        }

        try
        {
            _ = Writer;
        }
        catch
        {
            // Until a writer opens again, searches see the last commit (the old searchers belong to the closed writer).
            var old = Searchers;
            Searchers = new SearcherManager(directory, searcherFactory);
            old.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing index read-only (while another process writes it); null when there is none.</summary>
    public static DocumentIndex? OpenForReading(string folder) => OpenForReading(folder, null);

    /// <param name="slices">Segment slices a query searches at once (tests, the benchmark); null: one.</param>
    internal static DocumentIndex? OpenForReading(string folder, int? slices)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        var directory = FSDirectory.Open(new DirectoryInfo(folder));
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            return null;
        }

        var commit = DirectoryReader.ListCommits(directory).Last();
        return new DocumentIndex(folder, directory, null, ReadState(commit.UserData), slices);
    }

    /// <summary>Adds the document, or replaces the one with its id.</summary>
    public void Upsert(IndexedDocument document) =>
        Writer.UpdateDocument(new Term(IndexFields.Id, document.Id), DocumentMapper.ToDocument(document));

    public void Delete(string id) => Writer.DeleteDocuments(new Term(IndexFields.Id, id));

    /// <summary>Empties the index; nothing changes on disk until the next <see cref="Commit"/>, so a rebuild is atomic.</summary>
    public void DeleteAll() => Writer.DeleteAll();

    /// <summary>Makes every change since the last commit durable, together with the catalog position they reach.</summary>
    public void Commit(string catalogId, long sequence)
    {
        Writer.SetCommitData(new Dictionary<string, string>
        {
            [CatalogIdKey] = catalogId,
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = IndexFields.SchemaVersion,
        });
        Writer.Commit();
        Committed = new IndexState(catalogId, sequence, IndexFields.SchemaVersion);
        Searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Brings the searchers up to the last commit before a search. A writer's own searchers ask the writer
    /// (cheap); a read-only index would read the commit point from disk (a folder listing and two files, about
    /// a twentieth of a search at 100,000 plans) at every search, so it first looks at the folder's modification
    /// time, which a commit by another process changes (it writes a new <c>segments_N</c>). Unchanged, and
    /// older by a second than the last check (so that a commit in the same clock tick cannot hide behind it):
    /// nothing to do. Otherwise the refresh blocks until it has checked, so that no commit is missed because
    /// another thread held the refresh.
    /// </summary>
    internal void RefreshSearchers()
    {
        if (writable)
        {
            Searchers.MaybeRefresh();
            return;
        }

        var last = refreshed;
        var written = System.IO.Directory.GetLastWriteTimeUtc(Folder);
        if (written == last.FolderWritten && written < last.CheckedAt - TimeSpan.FromSeconds(1))
        {
            return;
        }

        var checkedAt = DateTime.UtcNow;
        Searchers.MaybeRefreshBlocking();
        refreshed = new RefreshMark(written, checkedAt);
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments and commits, keeping the catalog
    /// position of the last commit (nothing else changes). Fewer segments make each search cheaper (one term
    /// lookup, one scorer and one collector pass per segment); the merge rewrites the index, so it is for after a
    /// bulk load (the benchmark), not for every commit.
    /// </summary>
    internal void ForceMerge(int maxSegments)
    {
        Writer.ForceMerge(maxSegments);
        Commit(Committed.CatalogId ?? string.Empty, Committed.Sequence);
    }

    private sealed record RefreshMark(DateTime FolderWritten, DateTime CheckedAt);

    /// <summary>Documents in the index, as the current searcher sees them.</summary>
    public int Count
    {
        get
        {
            Searchers.MaybeRefresh();
            var searcher = Searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                Searchers.Release(searcher);
            }
        }
    }

    /// <summary>Bytes the index takes on disk.</summary>
    public long SizeOnDisk => new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length);

    public void Dispose()
    {
        Searchers.Dispose();
        // Uncommitted changes are dropped, not half-kept: the catalog feed re-applies them.
        writer?.Rollback();
        writer?.Dispose();
        directory.Dispose();
        writerLock?.Dispose();
    }

    // A writable index whose writer was dropped by ReopenWriter opens a new one at its first use.
    private IndexWriter Writer
    {
        get
        {
            if (writer is not null)
            {
                return writer;
            }

            if (!writable)
            {
                throw new InvalidOperationException("index opened read-only");
            }

            lock (reopening)
            {
                return writer ?? OpenAgain();
            }
        }
    }

    private IndexWriter OpenAgain()
    {
        var reopened = NewWriter(directory, MergesSegments);
        var old = Searchers;
        (writer, Searchers, Committed) = (reopened, new SearcherManager(reopened, true, searcherFactory), ReadState(reopened.CommitData));
        // A search that acquired from the old manager still releases its searcher through it; that only lowers the reader's count.
        old.Dispose();
        return reopened;
    }

    /// <summary>Whether the writer merges segments: true except in tests that need several segments.</summary>
    private bool MergesSegments { get; init; } = true;

    private static IndexWriter NewWriter(Directory directory, bool mergeSegments) => new(directory, new IndexWriterConfig(FoldingAnalyzer.Version, Analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        // Indexing from already extracted text is bound by analysis; a larger buffer flushes fewer, larger segments.
        RAMBufferSizeMB = 64,
        MergePolicy = mergeSegments ? NewMergePolicy() : NoMergePolicy.COMPOUND_FILES,
    });

    /// <summary>
    /// Lucene's tiered policy, keeping at most <see cref="SegmentsPerTier"/> segments of a size instead of ten: a
    /// search pays per segment (the weight's term lookups, a scorer and a collector pass each), and at 100,000
    /// plans the default left 13 segments where this leaves about four (SearchBench profile: see the README).
    /// The cost is more merging while ingesting (each merge takes at most that many segments, as Lucene advises),
    /// in the background and cheap beside analysis.
    /// </summary>
    private static TieredMergePolicy NewMergePolicy() => new()
    {
        SegmentsPerTier = SegmentsPerTier,
        MaxMergeAtOnce = (int)SegmentsPerTier,
    };

    internal const double SegmentsPerTier = 4;

    private static string? Get(IDictionary<string, string>? data, string key) => data is not null && data.TryGetValue(key, out var value) ? value : null;

    private static IndexState ReadState(IDictionary<string, string>? data)
    {
        if (data is null || !data.TryGetValue(SequenceKey, out var sequence))
        {
            return IndexState.Empty with { Schema = Get(data, SchemaKey) ?? IndexFields.SchemaVersion };
        }

        return new IndexState(
            Get(data, CatalogIdKey),
            long.Parse(sequence, CultureInfo.InvariantCulture),
            Get(data, SchemaKey) ?? "0");
    }
}

/// <summary>Another process (a running <c>watch</c>, another <c>ingest</c>) is writing the index.</summary>
public sealed class IndexBusyException(string folder)
    : Exception($"{folder}: the index is being written by another planingest process (its write.lock is held)");
