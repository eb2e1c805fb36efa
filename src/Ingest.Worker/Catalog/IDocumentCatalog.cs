using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// The catalog: the source of truth for every document, one row per content (SHA-256), other names of
/// the same content kept as aliases. Each committed record gets the next number of a monotonically
/// increasing change sequence, and the worker's jobs (<see cref="Jobs.IJobQueue"/>) live beside the documents; the Lucene index — on this machine or on each search node — is derived
/// data fed from that sequence (<see cref="IndexFeed"/>), so it can always be rebuilt from sequence 0.
/// </summary>
/// <remarks>
/// Implementations: <see cref="SqliteCatalog"/> (the embedded default, one file in the data folder) and,
/// for several workers, a PostgreSQL one behind this same interface. A shared implementation must only
/// hand out a sequence through <see cref="ChangesAfterAsync"/> once every smaller one is committed or
/// abandoned (PostgreSQL sequences commit out of order), or a node catching up could skip a change.
/// </remarks>
public interface IDocumentCatalog : Jobs.IJobQueue, IDisposable
{
    /// <summary>Made once with the catalog; an index fed from another catalog is rebuilt, not appended to.</summary>
    string CatalogId { get; }

    /// <summary>Whether content with this SHA-256 is catalogued.</summary>
    Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits records in one transaction. A record whose content is new becomes a document with a new
    /// sequence; one whose content is catalogued adds its path as an alias and changes nothing else.
    /// </summary>
    Task<IReadOnlyList<CatalogCommit>> CommitAsync(IReadOnlyList<DocumentRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Replaces a document's record (a re-extraction), under a new sequence. False when there is no such document.</summary>
    Task<bool> ReplaceAsync(string id, DocumentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Records another name the same content arrived under; nothing when it is already known.</summary>
    Task AddAliasAsync(string id, string name, CancellationToken cancellationToken = default);

    Task<CatalogDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Ids that start with <paramref name="prefix"/> (a user types a few characters of a SHA-256), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> FindIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>Documents whose own number has this <see cref="DocumentNumber.Key"/>.</summary>
    Task<IReadOnlyList<DocumentSummary>> FindByNumberAsync(string numberKey, CancellationToken cancellationToken = default);

    /// <summary>Documents that cite a number with this key, with how they word the cited issuer and date.</summary>
    Task<IReadOnlyList<CitingDocument>> FindCitingAsync(string numberKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> AliasesAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records without their page texts, in id order after <paramref name="afterId"/> (empty: from the
    /// first); at most <paramref name="limit"/>. For listings over the whole catalog (the web page's
    /// deadline feed) that must not load every page of every document.
    /// </summary>
    Task<IReadOnlyList<CatalogDocument>> RecordsAfterAsync(string afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The documents changed after <paramref name="sequence"/>, in sequence order, each in its latest state; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CatalogDocument>> ChangesAfterAsync(long sequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The sequence of the last committed change; 0 for an empty catalog.</summary>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="changed"/> whenever another process sharing the catalog commits documents to the change
    /// sequence, and once when listening starts, until cancelled, so that an index follower takes them in then
    /// instead of asking on a timer; connection failures go to <paramref name="failed"/>. The default returns at
    /// once without calling either: the follower then asks every interval.
    /// </summary>
    Task ListenForChangesAsync(Action changed, Action<Exception> failed, CancellationToken cancellationToken) => Task.CompletedTask;

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The worker's group commit: the records of several jobs read at about the same time, committed as
    /// <see cref="CommitAsync"/> does, every other name of each content made an alias, and each job moved
    /// to <c>extracted</c> (by its lease) — in one durable transaction where the catalog can, so a batch
    /// costs one flush to disk instead of one per document. Returns, per job, whether its lease was still
    /// held, and what committing each record did (in the order of the jobs that have one). The default does the
    /// same in separate steps; an implementation overrides it to make it one.
    /// </summary>
    async Task<ExtractedCommit> CommitExtractedAsync(IReadOnlyList<Jobs.ExtractedJob> jobs, CancellationToken cancellationToken = default)
    {
        var records = jobs.Where(j => j.Record is not null).Select(j => j.Record!).ToList();
        var commits = records.Count > 0 ? await CommitAsync(records, cancellationToken).ConfigureAwait(false) : [];

        var held = new List<bool>(jobs.Count);
        foreach (var job in jobs)
        {
            foreach (var name in await NamesOfAsync(job.Sha256, cancellationToken).ConfigureAwait(false))
            {
                await AddAliasAsync(job.Sha256, name, cancellationToken).ConfigureAwait(false);
            }

            held.Add(await MarkExtractedAsync(job.Lease, job.Outcome, cancellationToken).ConfigureAwait(false));
        }

        return new ExtractedCommit(held, commits);
    }
}

/// <summary>A group commit's result: per job, whether its lease was still held; per record, what committing it did.</summary>
public sealed record ExtractedCommit(IReadOnlyList<bool> Held, IReadOnlyList<CatalogCommit> Records);

/// <summary>What committing one record did: added it under <paramref name="Sequence"/>, or found its content catalogued already.</summary>
public sealed record CatalogCommit(string Id, bool Added, long Sequence);

/// <summary>A catalogued document: its record (with page texts), the sequence of its last change, its first and last commit times.</summary>
public sealed record CatalogDocument(string Id, long Sequence, DocumentRecord Record, DateTimeOffset AddedAt, DateTimeOffset UpdatedAt);

/// <summary>The identifying fields of a document, for lists.</summary>
public sealed record DocumentSummary(string Id, string? Number, string? Title, string? Issuer, string? IssuedDate);

/// <summary>A document that cites some number, and the issuer and date it gives the cited document.</summary>
public sealed record CitingDocument(DocumentSummary Document, string? CitedIssuer, string? CitedDate);
