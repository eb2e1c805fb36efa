using PlanIngest.Search.Facets;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// Every dated deadline in the catalog, in date order, read in batches without page texts and kept
/// until the catalog's change sequence moves: a calendar client polls the feed far more often than
/// plans arrive, and reading every record each time would grow with the archive.
/// </summary>
internal sealed class DeadlineList(IDocumentCatalog catalog)
{
    private const int BatchSize = 500;

    private readonly SemaphoreSlim gate = new(1, 1);
    private (long Sequence, IReadOnlyList<DatedDeadline> Deadlines)? cached;

    public async Task<IReadOnlyList<DatedDeadline>> AllAsync(CancellationToken cancellationToken)
    {
        var sequence = await catalog.LastSequenceAsync(cancellationToken);
        if (cached is { } hit && hit.Sequence == sequence)
        {
            return hit.Deadlines;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && again.Sequence == sequence)
            {
                return again.Deadlines;
            }

            var list = await ReadAsync(cancellationToken);
            cached = (sequence, list);
            return list;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<DatedDeadline>> ReadAsync(CancellationToken cancellationToken)
    {
        var list = new List<DatedDeadline>();
        var after = string.Empty;
        while (true)
        {
            var batch = await catalog.RecordsAfterAsync(after, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var document in batch)
            {
                var fields = document.Record.Fields;
                for (var i = 0; i < fields.Deadlines.Count; i++)
                {
                    if (DeadlinePeriod.Of(fields.Deadlines[i]) is { } period)
                    {
                        list.Add(new DatedDeadline(document.Id, i, fields.Deadlines[i], period, fields.Number, fields.DocType, fields.Title,
                            fields.Issuer?.Name, FacetDimension.Issuer.KeyOf(fields.Issuer?.Name), document.UpdatedAt));
                    }
                }
            }

            after = batch[^1].Id;
        }

        return list.OrderBy(d => d.Period.First).ThenBy(d => d.Period.Last).ThenBy(d => d.DocumentId, StringComparer.Ordinal).ThenBy(d => d.Ordinal).ToList();
    }
}
