using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Citations (CONTRACT.md §1a): mentions merged by number, count = mentions, date and issuer from the
/// fullest mention; the document's own number left out; unnumbered legal bases added once each.
/// </summary>
internal static class CitationMerger
{
    public static IReadOnlyList<Citation> Merge(IReadOnlyList<ReferenceMention> mentions, IReadOnlyList<ReferenceMention> unnumbered, IReadOnlyList<DocumentReference> bases, string? ownNumber)
    {
        var citations = mentions
            .Where(m => m.Number is not null && !LegalBasisParser.IsOwn(m.Number, ownNumber))
            .GroupBy(m => KeyOf(m.Number))
            .Select(g =>
            {
                var fullest = g.OrderByDescending(m => (m.Date is null ? 0 : 2) + (m.Issuer is null ? 0 : 1)).First();
                var type = g.Select(m => m.DocType).FirstOrDefault(t => t is not null);
                var issuer = fullest.Issuer ?? bases.FirstOrDefault(b => b.Issuer is not null && KeyOf(b.Number) == g.Key)?.Issuer;
                return (First: g.Min(m => m.Start), Citation: new Citation(fullest.DocType ?? type, g.First().Number, fullest.Date, issuer, g.Count()));
            })
            .Concat(unnumbered.Select(u => (First: u.Start, Citation: new Citation(u.DocType, null, u.Date, u.Issuer, 1))))
            .OrderBy(c => c.First)
            .Select(c => c.Citation)
            .ToList();
        return citations;
    }

    private static string KeyOf(string? number) => number is null ? string.Empty : DocumentNumber.KeyFor(number) ?? Text.TextFolding.Fold(number);
}
