using System.Globalization;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Search.Compare;

/// <summary>
/// A comparison as one table, the shape both exports write: issuer, subject, unit, comparator, then for
/// each year a value column and the column of the document it comes from. One row per compare row.
/// </summary>
public static class CompareTable
{
    public static IReadOnlyList<string> Header(CompareResult result) =>
        ["issuer", "subject", "unit", "comparator", .. result.Years.SelectMany(y => new[] { Year(y), Year(y) + " document" })];

    /// <summary>
    /// Cells as strings for CSV; values use the invariant decimal point. Text taken from documents that
    /// a spreadsheet would run as a formula (<c>=…</c>, <c>+…</c>, <c>@…</c>) gets a leading apostrophe;
    /// the comparator column holds only the contract's own strings and is written as it is.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(CompareResult result) =>
        result.Rows.Select(row => (IReadOnlyList<string>)[
            Defused(row.Issuer), Defused(row.Subject), Defused(row.Unit ?? string.Empty), ContractNames.Of(row.Comparator),
            .. result.Years.SelectMany(y => new[]
            {
                row.Values.TryGetValue(y, out var v) ? v.ToString(CultureInfo.InvariantCulture) : string.Empty,
                row.Documents.GetValueOrDefault(y) ?? string.Empty,
            }),
        ]);

    private static string Defused(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
