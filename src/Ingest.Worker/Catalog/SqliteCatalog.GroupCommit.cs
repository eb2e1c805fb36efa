using Microsoft.Data.Sqlite;
using PlanIngest.Worker.Catalog.Jobs;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// The worker's batched writes. A commit with synchronous=FULL costs a flush of the write-ahead log to
/// disk (about 6 ms here), and SQLite serialises writers, so one commit per document capped the worker at
/// a few dozen documents a second; committing every document read meanwhile in one transaction costs
/// that flush once per batch instead.
/// </summary>
public sealed partial class SqliteCatalog
{
    /// <summary>
    /// Records, aliases and the jobs' move to <c>extracted</c> in one transaction, flushed to disk (FULL)
    /// before it returns. It need not be FULL for the originals' sake — the inbox copies were deleted long
    /// ago, the archive keeps them, and a job that lost its commit in a power cut is simply read again —
    /// but the index is committed next with the catalog sequence it reached, and an index ahead of a
    /// catalog that lost its last commits would skip the documents that later take those numbers.
    /// </summary>
    public async Task<ExtractedCommit> CommitExtractedAsync(IReadOnlyList<ExtractedJob> jobs, CancellationToken cancellationToken = default)
    {
        await jobWrites.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Connect();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var now = Now();
            var commits = await CommitRecordsAsync(connection, transaction, jobs.Where(j => j.Record is not null).Select(j => j.Record!).ToList(), now, cancellationToken).ConfigureAwait(false);

            // Every name the content was dropped under, other than the document's own, is an alias of it.
            using var aliases = JobCommand(connection, transaction, """
                INSERT OR IGNORE INTO aliases (document_id, name, added_at)
                SELECT d.id, n.name, $now FROM jobs j JOIN job_names n ON n.job_id = j.id JOIN documents d ON d.id = j.sha256
                WHERE j.id = $id AND n.name <> d.name
                """, [("$id", 0L), ("$now", now)]);
            using var extracted = JobCommand(connection, transaction, """
                UPDATE jobs SET state = 'extracted', pages = $pages, fields = $fields, seconds = $seconds, updated_at = $at
                WHERE id = $id AND lease_token = $token
                """, [("$id", 0L), ("$token", string.Empty), ("$pages", 0), ("$fields", 0), ("$seconds", 0.0), ("$at", JobNow())]);
            var held = new List<bool>(jobs.Count);
            foreach (var job in jobs)
            {
                aliases.Parameters["$id"].Value = job.Lease.JobId;
                aliases.ExecuteNonQuery();
                extracted.Parameters["$id"].Value = job.Lease.JobId;
                extracted.Parameters["$token"].Value = job.Lease.Token.ToString("N");
                extracted.Parameters["$pages"].Value = job.Outcome.Pages;
                extracted.Parameters["$fields"].Value = job.Outcome.FieldsFound;
                extracted.Parameters["$seconds"].Value = Math.Round(job.Outcome.Elapsed.TotalSeconds, 3);
                held.Add(extracted.ExecuteNonQuery() == 1);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ExtractedCommit(held, commits);
        }
        finally
        {
            jobWrites.Release();
        }
    }

    /// <summary>
    /// The jobs of one index commit, done, in one transaction with synchronous=NORMAL: a power cut may undo
    /// it, which leaves the jobs <c>extracted</c>, and those are simply indexed again on the next start.
    /// </summary>
    public Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<LeaseToken> leases, CancellationToken cancellationToken) =>
        JobWriteAsync(durable: false, (connection, transaction) =>
        {
            using var complete = JobCommand(connection, transaction, """
                UPDATE jobs SET state = 'indexed', lease_owner = NULL, lease_token = NULL, lease_until = NULL, not_before = NULL, finished_at = $now, updated_at = $now
                WHERE id = $id AND lease_token = $token
                """, [("$id", 0L), ("$token", string.Empty), ("$now", JobNow())]);
            var held = new List<bool>(leases.Count);
            foreach (var lease in leases)
            {
                complete.Parameters["$id"].Value = lease.JobId;
                complete.Parameters["$token"].Value = lease.Token.ToString("N");
                held.Add(complete.ExecuteNonQuery() == 1);
            }

            return (IReadOnlyList<bool>)held;
        }, cancellationToken);
}
