using Microsoft.Data.Sqlite;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog;

public sealed partial class SqliteCatalog
{
    /// <summary>
    /// The document writes of one transaction, each statement built once and bound again per record: SQLite
    /// parses a statement when a command first runs, so a group commit of 256 records that built its five
    /// statements per record parsed 1,280 of them.
    /// </summary>
    private sealed class RecordWriter : IAsyncDisposable
    {
        private readonly SqliteCommand existing;
        private readonly SqliteCommand alias;
        private readonly SqliteCommand change;
        private readonly SqliteCommand insert;
        private readonly SqliteCommand page;
        private readonly SqliteCommand citation;

        public RecordWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
        {
            existing = Command(connection, transaction, "SELECT seq FROM documents WHERE id = $id", ("$id", string.Empty));
            // The first name is the document's own; only other names are aliases.
            alias = Command(connection, transaction, """
                INSERT OR IGNORE INTO aliases (document_id, name, added_at)
                SELECT id, $name, $now FROM documents WHERE id = $id AND name <> $name
                """, ("$id", string.Empty), ("$name", string.Empty), ("$now", now));
            change = Command(connection, transaction, "INSERT INTO changes (document_id, kind, at) VALUES ($id, $kind, $at) RETURNING seq",
                ("$id", string.Empty), ("$kind", string.Empty), ("$at", now));
            insert = Command(connection, transaction, """
                INSERT INTO documents (id, seq, name, number, number_key, title, issuer, issued_date, media_type, page_count,
                                       extractor_version, record_json, added_at, updated_at)
                VALUES ($id, $seq, $name, $number, $number_key, $title, $issuer, $issued_date, $media_type, $page_count,
                        $extractor_version, $record_json, $now, $now)
                """, [.. RowValues(string.Empty, 0, null), ("$name", string.Empty), ("$media_type", string.Empty), ("$now", now)]);
            page = Command(connection, transaction, """
                INSERT INTO pages (document_id, number, method, confidence, rotation, text, normalized)
                VALUES ($id, $number, $method, $confidence, $rotation, $text, $normalized)
                """, ("$id", string.Empty), ("$number", 0), ("$method", string.Empty), ("$confidence", null), ("$rotation", null), ("$text", string.Empty), ("$normalized", null));
            citation = Command(connection, transaction, """
                INSERT OR IGNORE INTO citations (document_id, number_key, number, issuer, date) VALUES ($id, $key, $number, $issuer, $date)
                """, ("$id", string.Empty), ("$key", string.Empty), ("$number", string.Empty), ("$issuer", null), ("$date", null));
        }

        /// <summary>Adds the record, or, when its content is already catalogued, records its name as an alias.</summary>
        public async Task<CatalogCommit> CommitAsync(DocumentRecord record, CancellationToken cancellationToken)
        {
            var id = record.Source.Sha256;
            existing.Parameters["$id"].Value = id;
            if (await existing.ExecuteScalarAsync(cancellationToken) is long sequence)
            {
                alias.Parameters["$id"].Value = id;
                alias.Parameters["$name"].Value = record.Source.Path;
                await alias.ExecuteNonQueryAsync(cancellationToken);
                return new CatalogCommit(id, false, sequence);
            }

            var added = await NextSequenceAsync(id, "added", cancellationToken);
            Bind(insert, [.. RowValues(id, added, record), ("$name", record.Source.Path), ("$media_type", record.Source.MediaType)]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await WritePagesAndCitationsAsync(id, record, cancellationToken);
            return new CatalogCommit(id, true, added);
        }

        public async Task<long> NextSequenceAsync(string id, string kind, CancellationToken cancellationToken)
        {
            change.Parameters["$id"].Value = id;
            change.Parameters["$kind"].Value = kind;
            return (long)(await change.ExecuteScalarAsync(cancellationToken))!;
        }

        public async Task WritePagesAndCitationsAsync(string id, DocumentRecord record, CancellationToken cancellationToken)
        {
            page.Parameters["$id"].Value = id;
            foreach (var p in record.Pages)
            {
                page.Parameters["$number"].Value = p.Number;
                page.Parameters["$method"].Value = ContractNames.Of(p.Method);
                page.Parameters["$confidence"].Value = (object?)p.Confidence ?? DBNull.Value;
                page.Parameters["$rotation"].Value = (object?)p.Rotation ?? DBNull.Value;
                page.Parameters["$text"].Value = p.Text;
                // Clean text comes out of the normaliser as it went in: stored once, NULL standing for "as read".
                page.Parameters["$normalized"].Value = p.Normalized is null || p.Normalized == p.Text ? DBNull.Value : p.Normalized;
                await page.ExecuteNonQueryAsync(cancellationToken);
            }

            citation.Parameters["$id"].Value = id;
            foreach (var c in DocumentRow.CitationsOf(record))
            {
                citation.Parameters["$key"].Value = c.Key;
                citation.Parameters["$number"].Value = c.Number;
                citation.Parameters["$issuer"].Value = (object?)c.Issuer ?? DBNull.Value;
                citation.Parameters["$date"].Value = (object?)c.Date ?? DBNull.Value;
                await citation.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { existing, alias, change, insert, page, citation })
            {
                await command.DisposeAsync();
            }
        }

        private static void Bind(SqliteCommand command, IEnumerable<(string Name, object? Value)> values)
        {
            foreach (var (name, value) in values)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
        }
    }
}
