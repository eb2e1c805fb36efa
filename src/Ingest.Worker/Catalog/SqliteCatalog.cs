using System.Globalization;
using Microsoft.Data.Sqlite;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// The embedded catalog: one SQLite file in WAL mode (readers never wait for the writer), synchronous
/// FULL so that a committed record survives a power cut as well as a killed process — the worker
/// deletes an inbox file once its record is committed. Each call takes a pooled connection of its own,
/// so the catalog can be shared by threads; writes use immediate transactions, so two processes on one
/// file queue rather than deadlock.
/// </summary>
public sealed partial class SqliteCatalog : IDocumentCatalog
{
    private readonly string connectionString;

    private SqliteCatalog(string path, string connectionString, string catalogId)
    {
        Path = path;
        this.connectionString = connectionString;
        CatalogId = catalogId;
    }

    public string Path { get; }

    public string CatalogId { get; }

    /// <summary>Opens the catalog file, creating it (and its folder) when missing, and brings its schema up to date.</summary>
    public static SqliteCatalog Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a writer waits for another process's transaction before giving up.
            DefaultTimeout = 30,
        }.ToString();
        using var connection = OpenConnection(connectionString);
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            wal.ExecuteNonQuery();
        }

        CatalogSchema.Migrate(connection);
        using var id = connection.CreateCommand();
        id.CommandText = "SELECT value FROM meta WHERE key = 'catalog_id'";
        return new SqliteCatalog(path, connectionString, (string)id.ExecuteScalar()!);
    }

    public async Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        return await ScalarAsync(connection, null, "SELECT 1 FROM documents WHERE id = $id", cancellationToken, ("$id", id)) is not null;
    }

    public async Task<IReadOnlyList<CatalogCommit>> CommitAsync(IReadOnlyList<DocumentRecord> records, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var commits = await CommitRecordsAsync(connection, transaction, records, Now(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return commits;
    }

    private static async Task<List<CatalogCommit>> CommitRecordsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DocumentRecord> records, string now, CancellationToken cancellationToken)
    {
        var commits = new List<CatalogCommit>(records.Count);
        await using var writer = new RecordWriter(connection, transaction, now);
        foreach (var record in records)
        {
            commits.Add(await writer.CommitAsync(record, cancellationToken));
        }

        return commits;
    }

    public async Task<bool> ReplaceAsync(string id, DocumentRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(connection, transaction, "SELECT 1 FROM documents WHERE id = $id", cancellationToken, ("$id", id)) is null)
        {
            return false;
        }

        var now = Now();
        await using var writer = new RecordWriter(connection, transaction, now);
        var sequence = await writer.NextSequenceAsync(id, "replaced", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE documents SET seq = $seq, number = $number, number_key = $number_key, title = $title, issuer = $issuer,
                issued_date = $issued_date, page_count = $page_count, extractor_version = $extractor_version,
                record_json = $record_json, updated_at = $now
            WHERE id = $id
            """, cancellationToken, [.. RowValues(id, sequence, record), ("$now", now)]);
        await ExecuteAsync(connection, transaction, "DELETE FROM pages WHERE document_id = $id", cancellationToken, ("$id", id));
        await ExecuteAsync(connection, transaction, "DELETE FROM citations WHERE document_id = $id", cancellationToken, ("$id", id));
        await writer.WritePagesAndCitationsAsync(id, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AddAliasAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await AddAliasAsync(connection, null, id, name, Now(), cancellationToken);
    }

    public async Task<CatalogDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        var found = await ReadDocumentsAsync(connection, "WHERE id = $id", cancellationToken, ("$id", id));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<string>> FindIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        var clean = new string(prefix.Trim().ToLowerInvariant().Where(char.IsAsciiHexDigit).ToArray());
        if (clean.Length == 0 || clean.Length != prefix.Trim().Length)
        {
            return [];
        }

        await using var connection = Connect();
        await using var command = Command(connection, null, "SELECT id FROM documents WHERE id >= $from AND id < $to ORDER BY id LIMIT $limit",
            ("$from", clean), ("$to", clean + "g"), ("$limit", limit));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<IReadOnlyList<DocumentSummary>> FindByNumberAsync(string numberKey, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null,
            "SELECT id, number, title, issuer, issued_date FROM documents WHERE number_key = $key ORDER BY issued_date, id", ("$key", numberKey));
        var list = new List<DocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Summary(reader, 0));
        }

        return list;
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(string numberKey, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, """
            SELECT d.id, d.number, d.title, d.issuer, d.issued_date, c.issuer, c.date
            FROM citations c JOIN documents d ON d.id = c.document_id
            WHERE c.number_key = $key ORDER BY d.issued_date, d.id
            """, ("$key", numberKey));
        var list = new List<CitingDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new CitingDocument(Summary(reader, 0), NullableString(reader, 5), NullableString(reader, 6)));
        }

        return list;
    }

    public async Task<IReadOnlyList<string>> AliasesAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null, "SELECT name FROM aliases WHERE document_id = $id ORDER BY added_at, name", ("$id", id));
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<IReadOnlyList<CatalogDocument>> ChangesAfterAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        return await ReadDocumentsAsync(connection, "WHERE seq > $after ORDER BY seq LIMIT $limit", cancellationToken, ("$after", sequence), ("$limit", limit));
    }

    public async Task<IReadOnlyList<CatalogDocument>> RecordsAfterAsync(string afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        await using var command = Command(connection, null,
            "SELECT id, seq, record_json, added_at, updated_at FROM documents WHERE id > $after ORDER BY id LIMIT $limit", ("$after", afterId), ("$limit", limit));
        var documents = new List<CatalogDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // record_json is stored without pages, so nothing else is read.
            documents.Add(new CatalogDocument(reader.GetString(0), reader.GetInt64(1), RecordJson.FromJson(reader.GetString(2)), Time(reader.GetString(3)), Time(reader.GetString(4))));
        }

        return documents;
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        return await ScalarAsync(connection, null, "SELECT MAX(seq) FROM changes", cancellationToken) as long? ?? 0;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Connect();
        return Convert.ToInt32(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM documents", cancellationToken), CultureInfo.InvariantCulture);
    }

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(connectionString));

    /// <summary>The documents row's values; without a record, placeholders for a statement that is bound later.</summary>
    private static (string, object?)[] RowValues(string id, long sequence, DocumentRecord? record)
    {
        var row = record is null ? null : DocumentRow.Of(record);
        return
        [
            ("$id", id), ("$seq", sequence), ("$number", row?.Number), ("$number_key", row?.NumberKey),
            ("$title", row?.Title), ("$issuer", row?.Issuer), ("$issued_date", row?.IssuedDate),
            ("$page_count", row?.PageCount ?? 0), ("$extractor_version", row?.ExtractorVersion), ("$record_json", row?.RecordJson),
        ];
    }

    private static async Task AddAliasAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, string name, string now, CancellationToken cancellationToken) =>
        // The first name is the document's own; only other names are aliases.
        await ExecuteAsync(connection, transaction, """
            INSERT OR IGNORE INTO aliases (document_id, name, added_at)
            SELECT id, $name, $now FROM documents WHERE id = $id AND name <> $name
            """, cancellationToken, ("$id", id), ("$name", name), ("$now", now));

    private static async Task<IReadOnlyList<CatalogDocument>> ReadDocumentsAsync(SqliteConnection connection, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var rows = new List<(string Id, long Seq, string Json, string Added, string Updated)>();
        await using (var command = Command(connection, null, "SELECT id, seq, record_json, added_at, updated_at FROM documents " + where, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        var documents = new List<CatalogDocument>(rows.Count);
        await using var pages = Command(connection, null,
            "SELECT number, method, confidence, rotation, text, normalized FROM pages WHERE document_id = $id ORDER BY number", ("$id", ""));
        foreach (var row in rows)
        {
            pages.Parameters["$id"].Value = row.Id;
            var list = new List<PageText>();
            await using (var reader = await pages.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    list.Add(new PageText(
                        reader.GetInt32(0),
                        reader.GetString(4),
                        ContractNames.Parse<PageMethod>(reader.GetString(1)) ?? PageMethod.PlainText,
                        reader.IsDBNull(2) ? null : reader.GetDouble(2),
                        reader.IsDBNull(3) ? null : reader.GetInt32(3)) { Normalized = NullableString(reader, 5) ?? reader.GetString(4) });
                }
            }

            var record = RecordJson.FromJson(row.Json) with { Pages = list };
            documents.Add(new CatalogDocument(row.Id, row.Seq, record, Time(row.Added), Time(row.Updated)));
        }

        return documents;
    }

    private SqliteConnection Connect() => OpenConnection(connectionString);

    private static SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private static DocumentSummary Summary(SqliteDataReader reader, int first) => new(
        reader.GetString(first), NullableString(reader, first + 1), NullableString(reader, first + 2), NullableString(reader, first + 3), NullableString(reader, first + 4));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
