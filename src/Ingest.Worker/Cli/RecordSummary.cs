using System.Globalization;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// A record for a person: every field of CONTRACT.md §1 on its own line ("–" where the document has
/// none), lists counted and itemised, and the opening of the text as normalised and repaired.
/// </summary>
internal static class RecordSummary
{
    private const int TextLines = 4;

    public static IEnumerable<string> Lines(DocumentRecord record)
    {
        var source = record.Source;
        var ocr = source.Ocr ? $", OCR confidence {source.OcrConfidence?.ToString("P0", CultureInfo.InvariantCulture)}" : string.Empty;
        yield return $"{source.Path}: {source.MediaType}, {Plural.Of(source.Pages, "page")}{ocr}";
        var f = record.Fields;
        yield return Field("type", f.DocType);
        yield return Field("number", f.Number);
        yield return Field("issuer", f.Issuer is { } i ? Join(i.Name, Parenthesised(i.Level is { } l ? ContractNames.Of(l) : null, i.Province)) : null);
        yield return Field("parent", f.Issuer?.Parent);
        yield return Field("place", f.Place);
        yield return Field("date", f.IssuedDate?.ToString());
        yield return Field("title", f.Title);
        yield return Field("years", f.Years.Count == 0 ? null : string.Join(", ", f.Years));
        foreach (var line in List("legal bases", f.LegalBases, "basis", "bases", b => Join(b.DocType, b.Number, Parenthesised(b.Date?.ToString(), b.Issuer))))
        {
            yield return line;
        }

        foreach (var line in List("citations", f.Citations, "document", null, c => Join(c.DocType, c.Number, c.Count > 1 ? $"×{c.Count}" : null, Parenthesised(c.Date?.ToString(), c.Issuer))))
        {
            yield return line;
        }

        foreach (var line in List("indicators", f.Indicators, "target", null, t =>
            Join(t.Section is null ? null : $"[{t.Section}]", ContractNames.Of(t.Comparator), t.Value.ToString(CultureInfo.InvariantCulture) + (t.Unit == "%" ? "%" : " " + t.Unit), t.Subject is null ? null : $"– {t.Subject}")))
        {
            yield return line;
        }

        foreach (var line in List("deadlines", f.Deadlines, "deadline", null, d => Join(ContractNames.Of(d.Kind), d.Date?.ToString(), "– " + d.Text)))
        {
            yield return line;
        }

        foreach (var line in List("campaigns", f.Campaigns, "campaign", null, c => c))
        {
            yield return line;
        }

        yield return Field("signer", f.Signer is { } s ? string.Join(" / ", new[] { s.OnBehalf, s.Title, s.Name }.Where(p => p is not null)) : null);
        foreach (var line in List("recipients", f.Recipients, "recipient", null, r => r))
        {
            yield return line;
        }

        foreach (var line in List("warnings", f.Warnings.Concat(record.NormalizerWarnings).ToList(), "warning", null, w => w))
        {
            yield return line;
        }

        var opening = record.NormalizedText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "\f").Take(TextLines);
        yield return Field("text", string.Join(" / ", opening));
    }

    private static string Field(string name, string? value) => $"  {name,-12}{(string.IsNullOrWhiteSpace(value) ? "–" : value)}";

    private static IEnumerable<string> List<T>(string name, IReadOnlyList<T> items, string singular, string? plural, Func<T, string> describe)
    {
        if (items.Count == 0)
        {
            yield return Field(name, null);
            yield break;
        }

        yield return Field(name, Plural.Of(items.Count, singular, plural));
        foreach (var item in items)
        {
            yield return $"{new string(' ', 14)}- {describe(item)}";
        }
    }

    private static string? Parenthesised(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : "(" + string.Join(", ", present) + ")";
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
