using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// A record as both catalogs store it: the columns that lists and look-ups read without parsing the
/// JSON, the JSON itself (without the page texts, which have their own table), and the cited numbers
/// by canonical key (one row per key, the first mention's wording kept).
/// </summary>
internal sealed record DocumentRow(
    string? Number,
    string? NumberKey,
    string? Title,
    string? Issuer,
    string? IssuedDate,
    int PageCount,
    string ExtractorVersion,
    string RecordJson)
{
    public static DocumentRow Of(DocumentRecord record)
    {
        var fields = record.Fields;
        return new DocumentRow(
            fields.Number,
            DocumentNumber.KeyFor(fields.Number),
            fields.Title,
            fields.Issuer?.Name,
            fields.IssuedDate?.ToString(),
            record.Pages.Count,
            record.ExtractorVersion,
            Extraction.Model.RecordJson.ToJson(record, includePages: false).ToJsonString());
    }

    public static IReadOnlyList<CitationRow> CitationsOf(DocumentRecord record) =>
        record.Fields.Citations
            .Select(c => (Key: DocumentNumber.KeyFor(c.Number), Citation: c))
            .Where(c => c.Key is not null)
            .DistinctBy(c => c.Key)
            .Select(c => new CitationRow(c.Key!, c.Citation.Number!, c.Citation.Issuer, c.Citation.Date?.ToString()))
            .ToList();
}

/// <summary>One cited number of a document, by its <see cref="DocumentNumber.Key"/>.</summary>
internal sealed record CitationRow(string Key, string Number, string? Issuer, string? Date);
