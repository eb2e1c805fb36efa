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
            normalized TEXT,
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
