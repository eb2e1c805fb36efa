using System.Globalization;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Scores extracted fields against a gold record, field by field, over every field of CONTRACT.md §1.
///
/// Matching rules:
/// - Texts compare folded (<see cref="TextMatch.Folded"/>: case, marks, đ and tone-mark placement ignored), so
///   accent-stripped text that reads right counts as right; every text field also reports how many of its
///   matches carry exactly the same diacritics (the "exact" column).
/// - Single values (doc_type, issuer.*, place, issued_date, signer.*): equal or not. number compares by
///   its canonical key (spaces, dashes and slashes ignored, so 66/NQHĐND is 66/NQ-HĐND). title, a long free
///   text, matches at character similarity ≥ 0.9. An equal value is a true positive; a wrong value a false
///   positive and a false negative; a value where the gold has none a false positive; none where the gold
///   has one a false negative.
/// - Lists pair items one to one (<see cref="ListMatcher"/>): years by value; legal_bases and citations by
///   number key (unnumbered ones by doc_type, preferring the same date); indicators by value, comparator,
///   unit (one's words beginning the other's) AND subject — the subject must share at least half its words (Dice ≥ 0.5), because
///   subject is what compare groups by; deadlines by date and kind; co_issuers, campaigns and recipients
///   by character similarity ≥ 0.8 (long names that OCR damages letter by letter).
/// - Attributes of paired items are fields of their own: legal_bases.doc_type/.date/.issuer,
///   citations.doc_type/.date/.issuer/.count, indicators.text/.section and deadlines.text. Clause texts
///   match when they share half their words; issuers at character similarity ≥ 0.8.
/// - A field's precision, recall and F1 come from its counts summed over all documents; overall F1 is the
///   micro average over all fields and attributes. A field with nothing in the gold and nothing extracted
///   has no F1 (printed "-").
/// </summary>
public static class FieldScorer
{
    public const double NameSimilarity = 0.8;
    public const double TitleSimilarity = 0.9;
    public const double ClauseSimilarity = 0.5;

    public static readonly string[] Fields =
    [
        "doc_type", "number", "issuer.name", "issuer.parent", "issuer.level", "issuer.province", "co_issuers", "place",
        "issued_date", "title", "years", "legal_bases", "legal_bases.doc_type", "legal_bases.date", "legal_bases.issuer",
        "citations", "citations.doc_type", "citations.date", "citations.issuer", "citations.count", "indicators",
        "indicators.text", "indicators.section", "deadlines", "deadlines.text", "campaigns", "signer.on_behalf",
        "signer.title", "signer.name", "recipients",
    ];

    /// <summary>Fields whose values are Vietnamese text, for which exact diacritics are reported.</summary>
    public static readonly IReadOnlySet<string> TextFields = new HashSet<string>
    {
        "doc_type", "issuer.name", "issuer.parent", "co_issuers", "place", "title", "legal_bases.doc_type", "legal_bases.issuer",
        "citations.doc_type", "citations.issuer", "indicators", "indicators.text", "deadlines.text", "campaigns",
        "signer.on_behalf", "signer.title", "signer.name", "recipients",
    };

    public static IReadOnlyList<FieldScore> Score(ExtractedFields gold, ExtractedFields actual)
    {
        var scores = new List<FieldScore>
        {
            Single("doc_type", gold.DocType, actual.DocType),
            Single("number", gold.Number, actual.Number, (g, a) => NumberKey(g) == NumberKey(a)),
            Single("issuer.name", gold.Issuer?.Name, actual.Issuer?.Name),
            Single("issuer.parent", gold.Issuer?.Parent, actual.Issuer?.Parent),
            Single("issuer.level", Name(gold.Issuer?.Level), Name(actual.Issuer?.Level)),
            Single("issuer.province", gold.Issuer?.Province, actual.Issuer?.Province),
            Similar("co_issuers", gold.CoIssuers.Select(i => i.Name ?? string.Empty).ToList(), actual.CoIssuers.Select(i => i.Name ?? string.Empty).ToList()),
            Single("place", gold.Place, actual.Place),
            Single("issued_date", gold.IssuedDate?.ToString(), actual.IssuedDate?.ToString()),
            Single("title", gold.Title, actual.Title, (g, a) => TextMatch.CharacterSimilarity(g, a) >= TitleSimilarity),
            Years(gold.Years, actual.Years),
        };

        var bases = ListMatcher.Match(gold.LegalBases, actual.LegalBases, b => ReferenceKey(b.Number, b.DocType), (g, a) => SameDate(g.Date, a.Date), 0);
        scores.Add(Counted("legal_bases", bases.Count, gold.LegalBases.Count, actual.LegalBases.Count));
        scores.Add(Attribute("legal_bases.doc_type", bases, b => b.DocType));
        scores.Add(Attribute("legal_bases.date", bases, b => b.Date?.ToString()));
        scores.Add(Attribute("legal_bases.issuer", bases, b => b.Issuer, Named));

        var citations = ListMatcher.Match(gold.Citations, actual.Citations, c => ReferenceKey(c.Number, c.DocType), (g, a) => SameDate(g.Date, a.Date), 0);
        scores.Add(Counted("citations", citations.Count, gold.Citations.Count, actual.Citations.Count));
        scores.Add(Attribute("citations.doc_type", citations, c => c.DocType));
        scores.Add(Attribute("citations.date", citations, c => c.Date?.ToString()));
        scores.Add(Attribute("citations.issuer", citations, c => c.Issuer, Named));
        scores.Add(Attribute("citations.count", citations, c => c.Count.ToString(CultureInfo.InvariantCulture)));

        var indicators = ListMatcher.Match(gold.Indicators, actual.Indicators, IndicatorKey,
            (g, a) => SameUnit(g.Unit, a.Unit) ? TextMatch.TokenSimilarity(g.Subject, a.Subject) : 0, ClauseSimilarity);
        scores.Add(Counted("indicators", indicators.Count, gold.Indicators.Count, actual.Indicators.Count,
            indicators.Count(p => p.Gold.Subject is null ? p.Actual.Subject is null : TextMatch.SameDiacritics(p.Gold.Subject, p.Actual.Subject))));
        scores.Add(Attribute("indicators.text", indicators, i => NonEmpty(i.Text), Clause));
        scores.Add(Attribute("indicators.section", indicators, i => i.Section));

        var deadlines = ListMatcher.Match(gold.Deadlines, actual.Deadlines, d => $"{d.Date}|{Name(d.Kind)}", (g, a) => TextMatch.TokenSimilarity(g.Text, a.Text), 0);
        scores.Add(Counted("deadlines", deadlines.Count, gold.Deadlines.Count, actual.Deadlines.Count));
        scores.Add(Attribute("deadlines.text", deadlines, d => NonEmpty(d.Text), Clause));

        scores.Add(Similar("campaigns", gold.Campaigns, actual.Campaigns));
        scores.Add(Single("signer.on_behalf", gold.Signer?.OnBehalf, actual.Signer?.OnBehalf));
        scores.Add(Single("signer.title", gold.Signer?.Title, actual.Signer?.Title));
        scores.Add(Single("signer.name", gold.Signer?.Name, actual.Signer?.Name));
        scores.Add(Similar("recipients", gold.Recipients, actual.Recipients));
        return scores;
    }

    /// <summary>
    /// A number's key for comparison: <see cref="DocumentNumber"/>'s canonical key, so that the forms a
    /// document writes one symbol in (66/NQHĐND, 66/NQ-HĐND, 84 QĐ/TWĐTN, 84-QĐ/TWĐTN) compare equal; a
    /// number that is not one by its rules falls back to its folded letters and digits.
    /// </summary>
    public static string NumberKey(string? number) =>
        number is null ? string.Empty : DocumentNumber.KeyFor(number) ?? new string(TextMatch.Folded(number).Where(char.IsLetterOrDigit).ToArray());

    /// <summary>An enum value as CONTRACT.md writes it ("trung ương", ">=", "due").</summary>
    private static string? Name<T>(T? value) where T : struct, Enum =>
        value is null ? null : System.Text.Json.JsonSerializer.Serialize(value.Value, RecordJson.Options).Trim('"');

    private static string Name<T>(T value) where T : struct, Enum => Name((T?)value)!;

    private static string ReferenceKey(string? number, string? docType) =>
        number is null ? "type:" + TextMatch.Folded(docType) : "no:" + NumberKey(number);

    private static string IndicatorKey(Indicator indicator) =>
        $"{indicator.Value.ToString("0.###", CultureInfo.InvariantCulture)}|{Name(indicator.Comparator)}";

    /// <summary>
    /// Units agree when one's words begin the other's ("lượt đoàn viên" and "lượt đoàn viên, thanh niên",
    /// "bài viết" and "bài viết/1 năm"): where a counted noun's phrase ends is a matter of wording, not of meaning.
    /// </summary>
    private static bool SameUnit(string? gold, string? actual)
    {
        var g = TextMatch.Folded(gold).Replace("/", " / ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var a = TextMatch.Folded(actual).Replace("/", " / ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shorter = Math.Min(g.Length, a.Length);
        return shorter > 0 ? g.Take(shorter).SequenceEqual(a.Take(shorter)) : g.Length == a.Length;
    }

    private static double SameDate(PartialDate? gold, PartialDate? actual) => gold == actual ? 1 : 0.5;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool Named(string gold, string actual) => TextMatch.CharacterSimilarity(gold, actual) >= NameSimilarity;

    private static bool Clause(string gold, string actual) => TextMatch.TokenSimilarity(gold, actual) >= ClauseSimilarity;

    private static bool FoldedEqual(string gold, string actual) => TextMatch.Folded(gold) == TextMatch.Folded(actual);

    private static FieldScore Single(string field, string? gold, string? actual, Func<string, string, bool>? equal = null)
    {
        var g = TextMatch.Folded(gold);
        var a = TextMatch.Folded(actual);
        return (g.Length, a.Length) switch
        {
            (0, 0) => new FieldScore(field, 0, 0, 0),
            (0, _) => new FieldScore(field, 0, 1, 0),
            (_, 0) => new FieldScore(field, 0, 0, 1),
            _ when (equal ?? FoldedEqual)(gold!, actual!) => new FieldScore(field, 1, 0, 0, Exact(field, gold, actual)),
            _ => new FieldScore(field, 0, 1, 1),
        };
    }

    private static int Exact(string field, string? gold, string? actual) =>
        TextFields.Contains(field) && TextMatch.SameDiacritics(gold, actual) ? 1 : 0;

    private static FieldScore Counted(string field, int matched, int gold, int actual, int exact = 0) =>
        new(field, matched, actual - matched, gold - matched, exact);

    /// <summary>An attribute of paired items, scored like a single value on each pair.</summary>
    private static FieldScore Attribute<T>(string field, IReadOnlyList<(T Gold, T Actual)> pairs, Func<T, string?> value, Func<string, string, bool>? equal = null)
    {
        var sum = new FieldScore(field, 0, 0, 0);
        foreach (var (gold, actual) in pairs)
        {
            sum = sum.Add(Single(field, value(gold), value(actual), equal));
        }

        return sum;
    }

    private static FieldScore Years(IReadOnlyList<int> gold, IReadOnlyList<int> actual)
    {
        var matched = ListMatcher.Match(gold, actual, y => y.ToString(CultureInfo.InvariantCulture), (_, _) => 1, 0);
        return Counted("years", matched.Count, gold.Count, actual.Count);
    }

    private static FieldScore Similar(string field, IReadOnlyList<string> gold, IReadOnlyList<string> actual)
    {
        var pairs = ListMatcher.Match(gold, actual, _ => string.Empty, TextMatch.CharacterSimilarity, NameSimilarity);
        return Counted(field, pairs.Count, gold.Count, actual.Count, pairs.Count(p => TextMatch.SameDiacritics(p.Gold, p.Actual)));
    }
}
