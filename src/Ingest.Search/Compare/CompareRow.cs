using PlanIngest.Extraction.Model;

namespace PlanIngest.Search.Compare;

/// <summary>
/// One issuer's target for one subject across years: a value per year and the document (its number, or
/// its id when it has none) each value comes from. Unit and comparator are those of the latest year.
/// </summary>
public sealed record CompareRow(
    string Issuer,
    string Subject,
    string? Unit,
    Comparator Comparator,
    IReadOnlyDictionary<int, decimal> Values,
    IReadOnlyDictionary<int, string> Documents);

/// <summary>The rows of a comparison, ordered by issuer, subject and unit.</summary>
public sealed record CompareResult(IReadOnlyList<CompareRow> Rows)
{
    /// <summary>Every year that has a value in some row, ascending: the columns of a table.</summary>
    public IReadOnlyList<int> Years => Rows.SelectMany(r => r.Values.Keys).Distinct().Order().ToList();
}
