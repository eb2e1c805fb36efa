using Microsoft.Data.Sqlite;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// The SQLite catalog's tables, as numbered migrations applied in order and recorded in
/// <c>PRAGMA user_version</c>. Add a migration at the end (the worker adds its job states this way);
/// never edit one that has shipped.
/// </summary>
internal static class CatalogSchema
{
    private static readonly string[] Migrations =
    [
        // 1: documents, their pages, aliases, citations, and the change log whose ids are the sequence.
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            name TEXT NOT NULL,
            number TEXT,
            number_key TEXT,
            title TEXT,
            issuer TEXT,
            issued_date TEXT,
            media_type TEXT NOT NULL,
            page_count INTEGER NOT NULL,
            extractor_version TEXT NOT NULL,
            record_json TEXT NOT NULL,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE INDEX documents_number_key ON documents(number_key);
        CREATE TABLE pages (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            method TEXT NOT NULL,
            confidence REAL,
            rotation INTEGER,
            text TEXT NOT NULL,
            normalized TEXT, -- NULL: the normalised text is the text as read

            PRIMARY KEY (document_id, number));
        CREATE TABLE aliases (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (document_id, name));
        CREATE TABLE citations (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number_key TEXT NOT NULL,
            number TEXT NOT NULL,
            issuer TEXT,
            date TEXT,
            PRIMARY KEY (document_id, number_key));
        CREATE INDEX citations_number_key ON citations(number_key);
        """,

        // 2: the worker's job states (Jobs/SqliteCatalog.Jobs.cs): one job per content taken from the inbox,
        // every name it was dropped under, and the inbox entries refused unread. Times are Unix milliseconds.
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'reading', 'extracted', 'indexed', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            interruptions INTEGER NOT NULL DEFAULT 0,
            solo_interruptions INTEGER NOT NULL DEFAULT 0,
            alone INTEGER NOT NULL DEFAULT 0,
            not_before INTEGER,
            lease_owner TEXT,
            lease_token TEXT,
            lease_until INTEGER,
            last_error TEXT,
            quarantined_as TEXT,
            pages INTEGER,
            fields INTEGER,
            seconds REAL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            started_at INTEGER,
            finished_at INTEGER);
        CREATE INDEX jobs_by_state ON jobs(state, interruptions, id);
        CREATE TABLE job_names (
            job_id INTEGER NOT NULL REFERENCES jobs(id),
            name TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            times INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (job_id, name));
        CREATE TABLE inbox_rejections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            quarantined_as TEXT,
            at INTEGER NOT NULL);
        """,

        // 3: the workers' heartbeats (status lists every worker; the PostgreSQL catalog has the same table).
        """
        CREATE TABLE workers (
            id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            in_flight INTEGER NOT NULL,
            scans_inbox INTEGER NOT NULL,
            index_seq INTEGER NOT NULL,
            paused TEXT,
            heartbeat INTEGER NOT NULL);
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>Brings the file's schema up to <see cref="Version"/>, one transaction per migration.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException($"{connection.DataSource}: catalog schema {current} is newer than this planingest ({Migrations.Length}); upgrade planingest");
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }

            if (version == 1)
            {
                using var meta = connection.CreateCommand();
                meta.Transaction = transaction;
                meta.CommandText = "INSERT INTO meta (key, value) VALUES ('catalog_id', $id)";
                meta.Parameters.AddWithValue("$id", Guid.NewGuid().ToString("N"));
                meta.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
