using System.Globalization;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Scores extracted fields against a gold record, field by field.
///
/// Matching rules:
/// - Every text is compared in folded form (TextFolding.Fold: case, marks, đ; so "Uỷ"/"Ủy", "hoà"/"hòa"
///   and accent-stripped text compare equal), with whitespace collapsed and surrounding punctuation trimmed.
/// - Single-valued fields (doc_type, number, issuer.name/parent/level/province, place, issued_date, title,
///   signer.on_behalf/title/name): exact match. Equal values are a true positive; a wrong value is a false
///   positive and a false negative; a value where the gold has null is a false positive; null where the gold
///   has a value is a false negative; null and null count nothing.
/// - Lists are matched item by item as multisets (each gold item used once):
///   years by value; legal_bases by number and date (an unnumbered basis by its doc_type);
///   citations by number (an unnumbered one by doc_type); indicators by value, unit and comparator;
///   deadlines by date (null for recurring) and kind; campaigns and recipients by text similarity of at least
///   0.8 (1 − edit distance / length), since these are long free texts that OCR damages letter by letter.
/// - A field's precision, recall and F1 come from its counts summed over all documents; overall F1 is the
///   micro average over all fields. A field with no gold items and none extracted has no F1 (printed "-").
/// </summary>
public static class FieldScorer
{
    public const double TextSimilarity = 0.8;

    public static readonly string[] Fields =
    [
        "doc_type", "number", "issuer.name", "issuer.parent", "issuer.level", "issuer.province", "place", "issued_date",
        "title", "years", "legal_bases", "citations", "indicators", "deadlines", "campaigns", "signer.on_behalf",
        "signer.title", "signer.name", "recipients",
    ];

    public static IReadOnlyList<FieldScore> Score(ExtractedFields gold, ExtractedFields actual) =>
    [
        Single("doc_type", gold.DocType, actual.DocType),
        Single("number", gold.Number, actual.Number),
        Single("issuer.name", gold.Issuer?.Name, actual.Issuer?.Name),
        Single("issuer.parent", gold.Issuer?.Parent, actual.Issuer?.Parent),
        Single("issuer.level", gold.Issuer?.Level?.ToString(), actual.Issuer?.Level?.ToString()),
        Single("issuer.province", gold.Issuer?.Province, actual.Issuer?.Province),
        Single("place", gold.Place, actual.Place),
        Single("issued_date", gold.IssuedDate?.ToString(), actual.IssuedDate?.ToString()),
        Single("title", gold.Title, actual.Title),
        Exact("years", gold.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)), actual.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))),
        Exact("legal_bases", gold.LegalBases.Select(BasisKey), actual.LegalBases.Select(BasisKey)),
        Exact("citations", gold.Citations.Select(c => CitationKey(c.Number, c.DocType)), actual.Citations.Select(c => CitationKey(c.Number, c.DocType))),
        Exact("indicators", gold.Indicators.Select(IndicatorKey), actual.Indicators.Select(IndicatorKey)),
        Exact("deadlines", gold.Deadlines.Select(d => $"{d.Date}|{d.Kind}"), actual.Deadlines.Select(d => $"{d.Date}|{d.Kind}")),
        Similar("campaigns", gold.Campaigns, actual.Campaigns),
        Single("signer.on_behalf", gold.Signer?.OnBehalf, actual.Signer?.OnBehalf),
        Single("signer.title", gold.Signer?.Title, actual.Signer?.Title),
        Single("signer.name", gold.Signer?.Name, actual.Signer?.Name),
        Similar("recipients", gold.Recipients, actual.Recipients),
    ];

    public static string Canonical(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var folded = TextFolding.Fold(text);
        var squashed = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return squashed.Trim(' ', '.', ',', ';', ':', '-', '*', '"', '“', '”');
    }

    private static FieldScore Single(string field, string? gold, string? actual)
    {
        var g = Canonical(gold);
        var a = Canonical(actual);
        return (g.Length, a.Length) switch
        {
            (0, 0) => new FieldScore(field, 0, 0, 0),
            (0, _) => new FieldScore(field, 0, 1, 0),
            (_, 0) => new FieldScore(field, 0, 0, 1),
            _ when g == a => new FieldScore(field, 1, 0, 0),
            _ => new FieldScore(field, 0, 1, 1),
        };
    }

    private static FieldScore Exact(string field, IEnumerable<string> gold, IEnumerable<string> actual)
    {
        var remaining = gold.Select(Canonical).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var goldCount = remaining.Values.Sum();
        var tp = 0;
        var predicted = 0;
        foreach (var key in actual.Select(Canonical))
        {
            predicted++;
            if (remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
                tp++;
            }
        }

        return new FieldScore(field, tp, predicted - tp, goldCount - tp);
    }

    private static FieldScore Similar(string field, IReadOnlyList<string> gold, IReadOnlyList<string> actual)
    {
        var unused = gold.Select(Canonical).ToList();
        var tp = 0;
        foreach (var item in actual.Select(Canonical))
        {
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < unused.Count; i++)
            {
                var score = Similarity(unused[i], item);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            if (best >= 0 && bestScore >= TextSimilarity)
            {
                unused.RemoveAt(best);
                tp++;
            }
        }

        return new FieldScore(field, tp, actual.Count - tp, gold.Count - tp);
    }

    private static string BasisKey(DocumentReference basis) =>
        basis.Number is null ? "type:" + basis.DocType : $"{basis.Number}|{basis.Date}";

    private static string CitationKey(string? number, string? docType) => number ?? "type:" + docType;

    private static string IndicatorKey(Indicator indicator) =>
        $"{indicator.Value.ToString("0.###", CultureInfo.InvariantCulture)}|{indicator.Unit}|{indicator.Comparator}";

    private static double Similarity(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 1 : 1 - (double)CharacterErrorRate.EditDistance(a, b) / longest;
    }
}
