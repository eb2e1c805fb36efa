using PlanIngest.Extraction.Model;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Web.Api;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>What the document page shows: the record, which of its citations are catalogued, what cites it, whether its original is archived.</summary>
public sealed record DocumentView(CatalogDocument Document, IReadOnlyList<string?> CitedIds, IReadOnlyList<DocumentSummary> CitedBy, IReadOnlyList<string> Aliases, bool HasOriginal)
{
    public ExtractedFields Fields => Document.Record.Fields;

    /// <summary>The catalogued document a number names, as found among the citations (legal bases are citations too).</summary>
    public string? CatalogedIdOf(string? number)
    {
        if (DocumentNumber.KeyFor(number) is not { } key)
        {
            return null;
        }

        for (var i = 0; i < Fields.Citations.Count; i++)
        {
            if (DocumentNumber.KeyFor(Fields.Citations[i].Number) == key)
            {
                return CitedIds[i];
            }
        }

        return null;
    }

    /// <summary>Deadlines by date (a coarse date by the start of its period), recurring ones last, each kept in the document's order among equals.</summary>
    public IReadOnlyList<Deadline> DeadlinesInOrder => Fields.Deadlines
        .Select((d, i) => (Deadline: d, Order: i, Period: DeadlinePeriod.Of(d)))
        .OrderBy(d => d.Period is null)
        .ThenBy(d => d.Period?.First)
        .ThenBy(d => d.Order)
        .Select(d => d.Deadline)
        .ToList();

    public IReadOnlyList<string> AllWarnings => [.. Fields.Warnings, .. Document.Record.NormalizerWarnings];
}
