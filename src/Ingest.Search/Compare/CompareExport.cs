using System.Globalization;
using CsvHelper;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Search.Compare;

/// <summary>
/// Writes a comparison as CSV (RFC 4180, UTF-8 with a BOM so that spreadsheet programs read the
/// diacritics) or XLSX, both in the shape of <see cref="CompareTable"/>: the same rows, the same cells.
/// </summary>
public static class CompareExport
{
    public static void WriteCsv(CompareResult result, string path)
    {
        using var csv = CsvWriter.ToFile(path, new CsvWriterOptions { WriteByteOrderMark = true });
        foreach (var row in CompareTable.Rows(result).Prepend(CompareTable.Header(result)))
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }
    }

    /// <summary>One sheet "compare"; values are numbers, so that a spreadsheet can chart them.</summary>
    public static void WriteXlsx(CompareResult result, string path)
    {
        var years = result.Years;
        var rows = result.Rows.Select(row => (IReadOnlyList<object?>)[
            row.Issuer, row.Subject, row.Unit, ContractNames.Of(row.Comparator),
            .. years.SelectMany(y => new object?[] { row.Values.TryGetValue(y, out var v) ? v : null, row.Documents.GetValueOrDefault(y) }),
        ]);
        XlsxSheet.Write(path, "compare", rows.Prepend(CompareTable.Header(result).Cast<object?>().ToList()));
    }
}
