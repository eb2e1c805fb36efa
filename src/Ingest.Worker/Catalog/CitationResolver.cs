using PlanIngest.Extraction.Model;
using PlanIngest.Search.Facets;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// Links documents by the numbers they cite: which catalogued documents cite this one ("cited by"), and
/// which of its citations are catalogued ("cites"). Numbers are compared by <see cref="DocumentNumber.Key"/>;
/// where one number belongs to several catalogued documents (every UBND has a 01/KH-UBND), a citation
/// is attributed only when its date or issuer agrees with the document's.
/// </summary>
public sealed class CitationResolver(IDocumentCatalog catalog)
{
    public async Task<IReadOnlyList<DocumentSummary>> CitedByAsync(CatalogDocument document, CancellationToken cancellationToken = default)
    {
        var fields = document.Record.Fields;
        if (DocumentNumber.KeyFor(fields.Number) is not { } key)
        {
            return [];
        }

        var holders = await catalog.FindByNumberAsync(key, cancellationToken);
        var citing = await catalog.FindCitingAsync(key, cancellationToken);
        return citing
            .Where(c => c.Document.Id != document.Id)
            .Where(c => holders.Count <= 1 || Agrees(c.CitedDate, c.CitedIssuer, fields.IssuedDate?.ToString(), fields.Issuer?.Name))
            .Select(c => c.Document)
            .ToList();
    }

    /// <summary>For each citation in order, the id of the catalogued document it names, or null.</summary>
    public async Task<IReadOnlyList<string?>> CitesAsync(CatalogDocument document, CancellationToken cancellationToken = default)
    {
        var ids = new List<string?>();
        foreach (var citation in document.Record.Fields.Citations)
        {
            if (DocumentNumber.KeyFor(citation.Number) is not { } key)
            {
                ids.Add(null);
                continue;
            }

            var holders = (await catalog.FindByNumberAsync(key, cancellationToken)).Where(h => h.Id != document.Id).ToList();
            if (holders.Count > 1)
            {
                holders = holders.Where(h => Agrees(citation.Date?.ToString(), citation.Issuer, h.IssuedDate, h.Issuer)).ToList();
            }

            ids.Add(holders.Count == 1 ? holders[0].Id : null);
        }

        return ids;
    }

    /// <summary>A citation's date equals the document's, or the issuer it names is (part of) the document's issuer.</summary>
    private static bool Agrees(string? citedDate, string? citedIssuer, string? issuedDate, string? issuer)
    {
        if (citedDate is not null && issuedDate is not null)
        {
            return citedDate == issuedDate;
        }

        if (FacetDimension.Issuer.KeyOf(citedIssuer) is not { } cited || FacetDimension.Issuer.KeyOf(issuer) is not { } own)
        {
            return false;
        }

        return (" " + own + " ").Contains(" " + cited + " ", StringComparison.Ordinal) || (" " + cited + " ").Contains(" " + own + " ", StringComparison.Ordinal);
    }
}
