using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// The shared catalog for several workers on several machines: the same documents, aliases, change
/// sequence and jobs as <see cref="SqliteCatalog"/>, behind the same interface, in one PostgreSQL
/// database. Every call is one short transaction on a pooled connection (a long-held snapshot would
/// keep the queue's dead rows from being vacuumed). Writes that only save work are committed with
/// <c>synchronous_commit = off</c> (a server crash may cost redoing a document, never losing one);
/// records, registered files and failures are committed durably.
/// </summary>
public sealed partial class PostgresCatalog : IDocumentCatalog
{
    private readonly NpgsqlDataSource durable;
    private readonly NpgsqlDataSource fast;
    private readonly DiscoveryLock discovery;
    private readonly CatalogNotifications jobNotifications;
    private readonly CatalogNotifications changeNotifications;

    // Sent with this instance's change notifications, so that its own follower does not wake up for documents its
    // own process committed (and applied to its index already).
    private readonly string announcer = Guid.NewGuid().ToString("N");
    private TimeProvider clock;
    private int disposed;

    private PostgresCatalog(NpgsqlDataSource durable, NpgsqlDataSource fast, string connectionString, string catalogId, TimeProvider clock, string description)
    {
        this.durable = durable;
        this.fast = fast;
        this.clock = clock;
        discovery = new DiscoveryLock(connectionString);
        jobNotifications = new CatalogNotifications(connectionString, CatalogNotifications.Jobs);
        changeNotifications = new CatalogNotifications(connectionString, CatalogNotifications.Changes);
        CatalogId = catalogId;
        Description = description;
    }

    public string CatalogId { get; }

    /// <summary>Database and server, for messages (never the password).</summary>
    public string Description { get; }

    /// <summary>
    /// Connects, brings the schema up to date and measures the server's clock. Throws
    /// <see cref="CatalogUnavailableException"/> naming the server and the reason when it cannot.
    /// </summary>
    public static async Task<PostgresCatalog> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new CatalogUnavailableException($"the catalog connection string is not valid: {e.Message}", e);
        }

        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "planingest";
        }

        var description = $"PostgreSQL catalog {settings.Database ?? settings.Username ?? "(default database)"} on {settings.Host ?? "localhost"}";
        var durable = NpgsqlDataSource.Create(settings.ConnectionString);
        var relaxed = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        relaxed.Options = ((relaxed.Options ?? string.Empty) + " -c synchronous_commit=off").Trim();
        var fast = NpgsqlDataSource.Create(relaxed.ConnectionString);
        try
        {
            await PostgresSchema.MigrateAsync(durable, cancellationToken).ConfigureAwait(false);
            await using var connection = await durable.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var id = await Pg.ScalarAsync<string>(connection, "SELECT value FROM meta WHERE key = 'catalog_id'", cancellationToken).ConfigureAwait(false);
            var clock = await ServerClock.MeasureAsync(durable, cancellationToken).ConfigureAwait(false);
            return new PostgresCatalog(durable, fast, settings.ConnectionString, id, clock, description);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or CatalogUnavailableException)
        {
            await durable.DisposeAsync().ConfigureAwait(false);
            await fast.DisposeAsync().ConfigureAwait(false);
            throw e as CatalogUnavailableException ?? new CatalogUnavailableException($"{description} cannot be used: {Reason(e)}", e);
        }
        catch
        {
            await durable.DisposeAsync().ConfigureAwait(false);
            await fast.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The clock job times are taken from (a test's manual clock; the server's otherwise).</summary>
    internal PostgresCatalog WithJobClock(TimeProvider manual)
    {
        clock = manual;
        return this;
    }

    public async Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await Pg.QueryAsync(connection, "SELECT 1 FROM documents WHERE id = @id", r => r.GetInt32(0), cancellationToken, ("id", id)).ConfigureAwait(false)).Count > 0;
    }

    public Task<IReadOnlyList<CatalogCommit>> CommitAsync(IReadOnlyList<DocumentRecord> records, CancellationToken cancellationToken = default) =>
        RetryingAsync(async () =>
        {
            await using var connection = await durable.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var outcomes = new List<(string Id, bool Added, long Sequence)>(records.Count);
            var added = new List<string>();
            foreach (var record in records)
            {
                var id = record.Source.Sha256;
                var row = DocumentRow.Of(record);

                // ON CONFLICT waits for a concurrent transaction adding the same content, then does nothing: one document per content.
                var inserted = added.Contains(id) ? 0 : await Pg.ExecuteAsync(connection, """
                    INSERT INTO documents (id, name, number, number_key, title, issuer, issued_date, media_type, page_count,
                                           extractor_version, record_json, added_at, updated_at)
                    VALUES (@id, @name, @number, @number_key, @title, @issuer, @issued_date, @media_type, @page_count,
                            @extractor_version, @record_json, @now, @now)
                    ON CONFLICT (id) DO NOTHING
                    """, cancellationToken, [("id", id), ("name", record.Source.Path), ("media_type", record.Source.MediaType), ("now", now), .. Columns(row)]).ConfigureAwait(false);
                if (inserted == 0)
                {
                    await AddAliasAsync(connection, id, record.Source.Path, now, cancellationToken).ConfigureAwait(false);
                    outcomes.Add((id, false, 0));
                    continue;
                }

                await WritePagesAndCitationsAsync(connection, id, record, cancellationToken).ConfigureAwait(false);
                added.Add(id);
                outcomes.Add((id, true, 0));
            }

            var sequences = await AssignSequencesAsync(connection, added, "added", now, cancellationToken).ConfigureAwait(false);
            var existing = await SequencesOfAsync(connection, outcomes.Where(o => !o.Added).Select(o => o.Id).Distinct().ToArray(), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<CatalogCommit>)outcomes
                .Select(o => new CatalogCommit(o.Id, o.Added, sequences.TryGetValue(o.Id, out var s) ? s : existing.GetValueOrDefault(o.Id)))
                .ToList();
        }, cancellationToken);

    public Task<bool> ReplaceAsync(string id, DocumentRecord record, CancellationToken cancellationToken = default) =>
        RetryingAsync(async () =>
        {
            await using var connection = await durable.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            var updated = await Pg.ExecuteAsync(connection, """
                UPDATE documents SET number = @number, number_key = @number_key, title = @title, issuer = @issuer, issued_date = @issued_date,
                    page_count = @page_count, extractor_version = @extractor_version, record_json = @record_json, updated_at = @now
                WHERE id = @id
                """, cancellationToken, [("id", id), ("now", now), .. Columns(DocumentRow.Of(record))]).ConfigureAwait(false);
            if (updated == 0)
            {
                return false;
            }

            await Pg.ExecuteAsync(connection, "DELETE FROM pages WHERE document_id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
            await Pg.ExecuteAsync(connection, "DELETE FROM citations WHERE document_id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
            await WritePagesAndCitationsAsync(connection, id, record, cancellationToken).ConfigureAwait(false);
            await AssignSequencesAsync(connection, [id], "replaced", now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task AddAliasAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await AddAliasAsync(connection, id, name, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CatalogDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadDocumentsAsync(connection, "WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<CatalogDocument>> RecordsAfterAsync(string afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // record_json is stored without pages, so nothing else is read (ids are COLLATE "C": byte order, as in SQLite).
        return await Pg.QueryAsync(connection, "SELECT id, seq, record_json, added_at, updated_at FROM documents WHERE id > @after ORDER BY id LIMIT @limit",
            r => new CatalogDocument(r.GetString(0), r.GetInt64(1), RecordJson.FromJson(r.GetString(2)), Pg.Time(r, 3), Pg.Time(r, 4)), cancellationToken,
            ("after", afterId), ("limit", limit)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        var clean = new string(prefix.Trim().ToLowerInvariant().Where(char.IsAsciiHexDigit).ToArray());
        if (clean.Length == 0 || clean.Length != prefix.Trim().Length)
        {
            return [];
        }

        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.QueryAsync(connection, "SELECT id FROM documents WHERE id >= @from AND id < @to ORDER BY id LIMIT @limit", r => r.GetString(0), cancellationToken,
            ("from", clean), ("to", clean + "g"), ("limit", limit)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DocumentSummary>> FindByNumberAsync(string numberKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.QueryAsync(connection, "SELECT id, number, title, issuer, issued_date FROM documents WHERE number_key = @key ORDER BY issued_date NULLS FIRST, id",
            r => Summary(r, 0), cancellationToken, ("key", numberKey)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(string numberKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.QueryAsync(connection, """
            SELECT d.id, d.number, d.title, d.issuer, d.issued_date, c.issuer, c.date
            FROM citations c JOIN documents d ON d.id = c.document_id
            WHERE c.number_key = @key ORDER BY d.issued_date NULLS FIRST, d.id
            """, r => new CitingDocument(Summary(r, 0), Pg.NullableString(r, 5), Pg.NullableString(r, 6)), cancellationToken, ("key", numberKey)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> AliasesAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.QueryAsync(connection, "SELECT name FROM aliases WHERE document_id = @id ORDER BY added_at, name", r => r.GetString(0), cancellationToken, ("id", id)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CatalogDocument>> ChangesAfterAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDocumentsAsync(connection, "WHERE seq > @after ORDER BY seq LIMIT @limit", cancellationToken, ("after", sequence), ("limit", limit)).ConfigureAwait(false);
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        // The counter moves only inside committing transactions, so what a reader sees of it is the last committed sequence.
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Pg.ScalarAsync<long>(connection, "SELECT value FROM change_counter", cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await fast.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (int)await Pg.ScalarAsync<long>(connection, "SELECT count(*) FROM documents", cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // The worker's container and its data store both own the catalog; the second call does nothing.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        discovery.DisposeAsync().AsTask().GetAwaiter().GetResult();
        durable.Dispose();
        fast.Dispose();
    }

    /// <summary>
    /// Gives the documents added or changed in this transaction the next numbers of the change sequence.
    /// It is the transaction's last statement: the counter row stays locked until the commit, so a
    /// second committer waits here and takes its numbers after the first has committed. Sequences are
    /// thus visible in order: whoever reads number n can already read every number below it, which a
    /// plain <c>bigserial</c> (handed out at insert, committed whenever) would not promise, and a node
    /// catching up after n would skip a slower transaction's n - 1 for ever.
    /// </summary>
    private async Task<Dictionary<string, long>> AssignSequencesAsync(NpgsqlConnection connection, IReadOnlyList<string> ids, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var assigned = await Pg.QueryAsync(connection, """
            WITH counter AS (UPDATE change_counter SET value = value + @n RETURNING value - @n AS base),
                 numbered AS (SELECT u.id, counter.base + u.ord AS seq FROM counter, unnest(@ids::text[]) WITH ORDINALITY AS u(id, ord)),
                 documents_numbered AS (UPDATE documents d SET seq = numbered.seq FROM numbered WHERE d.id = numbered.id RETURNING d.id, d.seq)
            INSERT INTO changes (seq, document_id, kind, at) SELECT seq, id, @kind, @now FROM documents_numbered
            RETURNING document_id, seq
            """, r => (Id: r.GetString(0), Seq: r.GetInt64(1)), cancellationToken, ("n", (long)ids.Count), ("ids", ids.ToArray()), ("kind", kind), ("now", now)).ConfigureAwait(false);
        await CatalogNotifications.NotifyAsync(connection, CatalogNotifications.Changes, cancellationToken, announcer).ConfigureAwait(false);
        return assigned.ToDictionary(a => a.Id, a => a.Seq);
    }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever another process (or another catalog instance) commits documents to the
    /// change sequence, and once each time listening (re)starts, until cancelled; this instance's own commits are
    /// not announced to it (its process applies them itself). A lost listening connection goes to <paramref name="failed"/>.
    /// </summary>
    public Task ListenForChangesAsync(Action changed, Action<Exception> failed, CancellationToken cancellationToken) =>
        changeNotifications.ListenAsync(from => { if (from != announcer) { changed(); } }, failed, cancellationToken);

    private static async Task<Dictionary<string, long>> SequencesOfAsync(NpgsqlConnection connection, string[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : (await Pg.QueryAsync(connection, "SELECT id, seq FROM documents WHERE id = ANY(@ids) AND seq IS NOT NULL", r => (Id: r.GetString(0), Seq: r.GetInt64(1)), cancellationToken, ("ids", ids)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Seq);

    private static (string, object?)[] Columns(DocumentRow row) =>
    [
        ("number", row.Number), ("number_key", row.NumberKey), ("title", row.Title), ("issuer", row.Issuer), ("issued_date", row.IssuedDate),
        ("page_count", row.PageCount), ("extractor_version", row.ExtractorVersion), ("record_json", row.RecordJson),
    ];

    private static async Task WritePagesAndCitationsAsync(NpgsqlConnection connection, string id, DocumentRecord record, CancellationToken cancellationToken)
    {
        // One statement per table however many pages: the rows go over as arrays.
        var pages = record.Pages;
        await using (var command = Pg.Command(connection, """
            INSERT INTO pages (document_id, number, method, confidence, rotation, text, normalized)
            SELECT @id, * FROM unnest(@numbers, @methods, @confidences, @rotations, @texts, @normalized)
            """, ("id", id)))
        {
            command.Parameters.Add(new NpgsqlParameter<int[]>("numbers", pages.Select(p => p.Number).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("methods", pages.Select(p => ContractNames.Of(p.Method)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter("confidences", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = pages.Select(p => p.Confidence).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("rotations", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = pages.Select(p => p.Rotation).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]>("texts", pages.Select(p => p.Text).ToArray()));
            // As in the SQLite catalog: clean text comes out of the normaliser as it went in, so NULL stands for "as read".
            command.Parameters.Add(new NpgsqlParameter("normalized", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pages.Select(p => p.Normalized == p.Text ? null : p.Normalized).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var citations = DocumentRow.CitationsOf(record);
        if (citations.Count == 0)
        {
            return;
        }

        await using var cited = Pg.Command(connection, """
            INSERT INTO citations (document_id, number_key, number, issuer, date)
            SELECT @id, * FROM unnest(@keys, @numbers, @issuers, @dates) ON CONFLICT DO NOTHING
            """, ("id", id));
        cited.Parameters.Add(new NpgsqlParameter<string[]>("keys", citations.Select(c => c.Key).ToArray()));
        cited.Parameters.Add(new NpgsqlParameter<string[]>("numbers", citations.Select(c => c.Number).ToArray()));
        cited.Parameters.Add(new NpgsqlParameter("issuers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = citations.Select(c => c.Issuer).ToArray() });
        cited.Parameters.Add(new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = citations.Select(c => c.Date).ToArray() });
        await cited.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task AddAliasAsync(NpgsqlConnection connection, string id, string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        // The first name is the document's own; only other names are aliases.
        Pg.ExecuteAsync(connection, """
            INSERT INTO aliases (document_id, name, added_at)
            SELECT id, @name, @now FROM documents WHERE id = @id AND name <> @name
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("id", id), ("name", name), ("now", now));

    private static async Task<IReadOnlyList<CatalogDocument>> ReadDocumentsAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var rows = await Pg.QueryAsync(connection, "SELECT id, seq, record_json, added_at, updated_at FROM documents " + where,
            r => (Id: r.GetString(0), Seq: r.GetInt64(1), Json: r.GetString(2), Added: Pg.Time(r, 3), Updated: Pg.Time(r, 4)), cancellationToken, parameters).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        var pages = (await Pg.QueryAsync(
            connection,
            "SELECT document_id, number, method, confidence, rotation, text, normalized FROM pages WHERE document_id = ANY(@ids) ORDER BY document_id, number",
            r => (Id: r.GetString(0), Page: new PageText(
                r.GetInt32(1),
                r.GetString(5),
                ContractNames.Parse<PageMethod>(r.GetString(2)) ?? PageMethod.PlainText,
                r.IsDBNull(3) ? null : r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetInt32(4)) { Normalized = Pg.NullableString(r, 6) ?? r.GetString(5) }),
            cancellationToken,
            ("ids", rows.Select(r => r.Id).ToArray())).ConfigureAwait(false))
            .ToLookup(p => p.Id, p => p.Page);
        return rows.Select(row => new CatalogDocument(row.Id, row.Seq, RecordJson.FromJson(row.Json) with { Pages = pages[row.Id].ToList() }, row.Added, row.Updated)).ToList();
    }

    private static DocumentSummary Summary(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first), Pg.NullableString(reader, first + 1), Pg.NullableString(reader, first + 2), Pg.NullableString(reader, first + 3), Pg.NullableString(reader, first + 4));

    /// <summary>Runs a transaction again when it lost a deadlock or its connection to another worker's; at most three times.</summary>
    private static async Task<T> RetryingAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < 3 && Pg.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Reason(Exception e) => e switch
    {
        PostgresException p => p.MessageText,
        NpgsqlException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };
}
