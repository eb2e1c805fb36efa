using PlanIngest.Extraction;
using PlanIngest.Extraction.Reading;
using PlanIngest.Search.Index;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// The one path from a file into catalog and index, shared by <c>ingest</c>, the worker and web uploads:
/// content already catalogued is recorded as an alias without being read again; new content goes
/// through the extraction pipeline, is committed to the catalog (the durable step) and applied to the
/// index. The index is made durable by <see cref="FlushAsync"/>, which callers run when it suits them
/// (after a batch, on idle): a crash before it loses nothing, because the next feed replays the catalog.
/// Safe to call from several threads. Says nothing on the console: callers report the results.
/// </summary>
public sealed class DocumentIngestor(ExtractionPipeline pipeline, IDocumentCatalog catalog, IndexFeed feed)
{
    public async Task<IngestResult> IngestAsync(string path, CancellationToken cancellationToken = default)
    {
        SourceFile source;
        try
        {
            source = await SourceFile.LoadAsync(path, cancellationToken);
        }
        catch (DocumentReadException e)
        {
            return IngestResult.Failed(new PipelineFailure(e.Kind, e.Message));
        }

        return await IngestAsync(source, cancellationToken);
    }

    /// <summary>Ingests an opened source (the worker's own read of an inbox file, an upload's bytes).</summary>
    public async Task<IngestResult> IngestAsync(SourceFile source, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(source, cancellationToken);
        if (read.Record is not { } record)
        {
            return read;
        }

        // Another worker may have committed the same content meanwhile: the catalog then records an alias.
        var commit = (await catalog.CommitAsync([record], cancellationToken))[0];
        await feed.ApplyAsync(cancellationToken);
        return commit.Added ? read : IngestResult.Duplicate(commit.Id);
    }

    /// <summary>
    /// The first half of <see cref="IngestAsync(SourceFile, CancellationToken)"/>, for callers that commit
    /// many documents at once (the worker's group commit, <see cref="CommitExtractedAsync"/>): content already
    /// catalogued is recorded as an alias (<see cref="IngestOutcome.Duplicate"/>); new content is read,
    /// normalised and extracted, and comes back as <see cref="IngestOutcome.Added"/> with its record, which
    /// is not in the catalog until it is committed.
    /// </summary>
    public async Task<IngestResult> ReadAsync(SourceFile source, CancellationToken cancellationToken = default)
    {
        if (await catalog.ContainsAsync(source.Sha256, cancellationToken))
        {
            await catalog.AddAliasAsync(source.Sha256, source.Path, cancellationToken);
            return IngestResult.Duplicate(source.Sha256);
        }

        var result = await pipeline.ProcessAsync(source, cancellationToken);
        return result.Failure is { } failure ? IngestResult.Failed(failure, source.Sha256) : IngestResult.Added(source.Sha256, result.Value!);
    }

    /// <summary>
    /// Commits the documents of several jobs in one catalog transaction, their jobs moved to extracted
    /// (<see cref="IDocumentCatalog.CommitExtractedAsync"/>), and applies them to the index; per job, whether
    /// its lease was still held. Once the catalog has them they are safe: a failure to apply them to the
    /// index is left to <see cref="FlushAsync"/>, which applies them again and reports what still fails.
    /// The records just added are handed to the feed as they are, so it need not read them back.
    /// </summary>
    public async Task<IReadOnlyList<bool>> CommitExtractedAsync(IReadOnlyList<Jobs.ExtractedJob> jobs, CancellationToken cancellationToken = default)
    {
        var commit = await catalog.CommitExtractedAsync(jobs, cancellationToken);
        var records = jobs.Where(j => j.Record is not null).Select(j => j.Record!).ToList();
        var added = commit.Records.Zip(records).Where(c => c.First.Added).Select(c => new IndexedDocument(c.First.Id, c.First.Sequence, c.Second)).ToList();
        try
        {
            await feed.ApplyAsync(added, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The feed has gone back to its last commit; the next flush replays these documents from the catalog.
        }

        return commit.Held;
    }

    /// <summary>Applies whatever the index still lacks (after a failed write, what it dropped) and makes it durable.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => feed.CatchUpAsync(cancellationToken);
}
