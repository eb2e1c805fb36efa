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
/// tail, which the next feed re-applies from the catalog; it never leaves a half-written index.
/// </summary>
public sealed class DocumentIndex : IDisposable
{
    private const string CatalogIdKey = "catalog_id";
    private const string SequenceKey = "catalog_sequence";
    private const string SchemaKey = "schema";

    private readonly Directory directory;
    private readonly IndexWriter? writer;

    private DocumentIndex(string folder, Directory directory, IndexWriter? writer, IndexState committed, int? slices)
    {
        Folder = folder;
        this.directory = directory;
        this.writer = writer;
        Committed = committed;
        var factory = new PlanSearcherFactory(slices);
        Searchers = writer is null ? new SearcherManager(directory, factory) : new SearcherManager(writer, true, factory);
    }

    public string Folder { get; }

    /// <summary>What the last commit holds.</summary>
    public IndexState Committed { get; private set; }

    public bool IsWritable => writer is not null;

    internal SearcherManager Searchers { get; }

    internal static FoldingAnalyzer Analyzer { get; } = new();

    /// <summary>Opens (creating if needed) the index for writing.</summary>
    /// <exception cref="IndexBusyException">Another process holds the index's write lock.</exception>
    public static DocumentIndex OpenForWriting(string folder) => OpenForWriting(folder, null);

    /// <param name="slices">Segment slices a query searches at once (tests, the benchmark); null: one.</param>
    internal static DocumentIndex OpenForWriting(string folder, int? slices)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(new DirectoryInfo(folder));
        var config = new IndexWriterConfig(FoldingAnalyzer.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Indexing from already extracted text is bound by analysis; a larger buffer flushes fewer, larger segments.
            RAMBufferSizeMB = 64,
        };
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException)
        {
            directory.Dispose();
            throw new IndexBusyException(folder);
        }

        return new DocumentIndex(folder, directory, writer, ReadState(writer.CommitData), slices);
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
    }

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("index opened read-only");

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
