using Npgsql;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// The PostgreSQL catalog's tables, as numbered migrations recorded in <c>schema_migrations</c>. Every
/// planingest process applies what is missing when it opens the catalog, all in one transaction
/// under a transaction-level advisory lock, so that machines started together wait for one another
/// instead of racing to create the same tables. Add a migration at the end; never edit one that has shipped.
/// </summary>
/// <remarks>
/// Columns that are ordered by (ids, names, dates as ISO text) use the "C" collation: byte order, as
/// SQLite compares, so both catalogs list in the same order whatever locale the database was made in,
/// and an id-prefix range scan is exact.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key migrations run under ("planingest schema" folded into 64 bits).</summary>
    private const long MigrationLockKey = 0x504c_414e_5343_4845;

    private static readonly string[] Migrations =
    [
        // 1: documents, their pages, aliases, citations and the change log. change_counter is one row whose
        // update is the last step of every committing transaction: its row lock makes commits take their
        // sequence numbers in commit order (see PostgresCatalog.AssignSequencesAsync).
        """
        CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE change_counter (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            value bigint NOT NULL);
        INSERT INTO change_counter (value) VALUES (0);
        CREATE TABLE documents (
            id text COLLATE "C" PRIMARY KEY,
            seq bigint UNIQUE,
            name text COLLATE "C" NOT NULL,
            number text,
            number_key text COLLATE "C",
            title text,
            issuer text,
            issued_date text COLLATE "C",
            media_type text NOT NULL,
            page_count integer NOT NULL,
            extractor_version text NOT NULL,
            record_json text NOT NULL,
            added_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        COMMENT ON COLUMN documents.seq IS 'NULL only inside the committing transaction, before its sequence is assigned';
        CREATE INDEX documents_number_key ON documents (number_key);
        CREATE TABLE changes (
            seq bigint PRIMARY KEY,
            document_id text COLLATE "C" NOT NULL,
            kind text NOT NULL,
            at timestamptz NOT NULL);
        CREATE TABLE pages (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            number integer NOT NULL,
            method text NOT NULL,
            confidence double precision,
            rotation integer,
            text text NOT NULL,
            normalized text,
            PRIMARY KEY (document_id, number));
        CREATE TABLE aliases (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            name text COLLATE "C" NOT NULL,
            added_at timestamptz NOT NULL,
            PRIMARY KEY (document_id, name));
        CREATE TABLE citations (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            number_key text COLLATE "C" NOT NULL,
            number text NOT NULL,
            issuer text,
            date text,
            PRIMARY KEY (document_id, number_key));
        CREATE INDEX citations_number_key ON citations (number_key);
        """,

        // 2: the job queue. jobs_unfinished holds only the jobs still to do, so a claim's ordered scan stays
        // as short as the queue however many finished jobs the table keeps.
        """
        CREATE TABLE jobs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sha256 text COLLATE "C" NOT NULL UNIQUE,
            name text COLLATE "C" NOT NULL,
            media_type text NOT NULL,
            size bigint NOT NULL,
            state text NOT NULL CHECK (state IN ('queued', 'reading', 'extracted', 'indexed', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            interruptions integer NOT NULL DEFAULT 0,
            solo_interruptions integer NOT NULL DEFAULT 0,
            alone boolean NOT NULL DEFAULT false,
            not_before timestamptz,
            lease_owner text,
            lease_token uuid,
            lease_until timestamptz,
            last_error text,
            quarantined_as text,
            pages integer,
            fields integer,
            seconds double precision,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            started_at timestamptz,
            finished_at timestamptz);
        CREATE INDEX jobs_unfinished ON jobs (interruptions, id) WHERE state IN ('queued', 'reading', 'extracted');
        CREATE INDEX jobs_failed ON jobs (updated_at) WHERE state = 'failed';
        CREATE TABLE job_names (
            job_id bigint NOT NULL REFERENCES jobs (id),
            name text COLLATE "C" NOT NULL,
            first_seen timestamptz NOT NULL,
            times integer NOT NULL DEFAULT 1,
            PRIMARY KEY (job_id, name));
        CREATE TABLE inbox_rejections (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            kind text NOT NULL,
            reason text NOT NULL,
            quarantined_as text,
            at timestamptz NOT NULL);
        """,

        // 3: every worker's heartbeat, for status.
        """
        CREATE TABLE workers (
            id text COLLATE "C" PRIMARY KEY,
            host text COLLATE "C" NOT NULL,
            pid integer NOT NULL,
            started_at timestamptz NOT NULL,
            in_flight integer NOT NULL,
            scans_inbox boolean NOT NULL,
            index_seq bigint NOT NULL,
            paused text,
            heartbeat timestamptz NOT NULL);
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>Applies the missing migrations; returns how many were applied.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Pg.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey)).ConfigureAwait(false);
        await Pg.ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
        var current = await Pg.ScalarAsync<int>(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken).ConfigureAwait(false);
        if (current > Migrations.Length)
        {
            throw new CatalogUnavailableException($"catalog schema {current} is newer than this planingest ({Migrations.Length}); upgrade planingest");
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await Pg.ExecuteAsync(connection, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await Pg.ExecuteAsync(connection, "INSERT INTO schema_migrations (version) VALUES (@v)", cancellationToken, ("v", version)).ConfigureAwait(false);
            if (version == 1)
            {
                await Pg.ExecuteAsync(connection, "INSERT INTO meta (key, value) VALUES ('catalog_id', @id)", cancellationToken, ("id", Guid.NewGuid().ToString("N"))).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Migrations.Length - current;
    }
}
