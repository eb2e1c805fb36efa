using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Model;

/// <summary>
/// A document's number and symbol ("51/KH-MTTQ-BTT", "58-KH/BDVHU", "30/2020/NĐ-CP") with the key under
/// which every spelling of it compares equal. This is the one place the rule lives: search, the catalog
/// and citation merging all compare numbers through <see cref="Key"/>.
/// </summary>
/// <remarks>
/// The key is the number without leading zeros, a slash, then the letters and digits of the rest,
/// folded (<see cref="TextFolding.Fold"/>): <c>Số: 01/CT-UBND</c>, <c>1/ct ubnd</c> and <c>01/CT/UBND</c>
/// are all <c>1/ctubnd</c>, and <c>66/NQHĐND</c> = <c>66/NQ-HĐND</c>. Before that the symbol goes through
/// the extractor's own repair (<c>330-KHITU</c> → <c>330-KH/TU</c>, <c>979-QB/HU</c> → <c>979-QĐ/HU</c>),
/// so an OCR-damaged citation meets the clean one. Separators are dropped rather than kept because OCR
/// confuses them and because the state (<c>58/KH-…</c>) and Party (<c>58-KH/…</c>) shapes of one number
/// are written either way by the documents that cite it.
/// </remarks>
public readonly struct DocumentNumber : IEquatable<DocumentNumber>
{
    private readonly string? text;
    private readonly string? key;

    private DocumentNumber(string text, string key)
    {
        this.text = text;
        this.key = key;
    }

    /// <summary>The number as written, spaces dropped and OCR damage repaired (CONTRACT.md §1 <c>number</c>).</summary>
    public string Text => text ?? string.Empty;

    /// <summary>The canonical comparison key, e.g. <c>13/ctubnd</c>.</summary>
    public string Key => key ?? string.Empty;

    /// <summary>Reads one number and symbol, optionally after "Số"/"số:" (and its OCR misreadings); never throws.</summary>
    public static ParseResult<DocumentNumber> Parse(string? written)
    {
        var all = ParseAll(written);
        if (!all.Success)
        {
            return ParseResult<DocumentNumber>.ForError(all.Error!);
        }

        return all.Value.Numbers.Count == 1
            ? ParseResult<DocumentNumber>.ForValue(all.Value.Numbers[0])
            : ParseResult<DocumentNumber>.ForError($"'{written}' holds {all.Value.Numbers.Count} numbers, not one");
    }

    /// <summary>Reads a symbol that may list several numbers ("217, 218-QĐ/TW" gives two); never throws.</summary>
    public static ParseResult<DocumentNumberList> ParseAll(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return ParseResult<DocumentNumberList>.ForError("empty document number");
        }

        var trimmed = written.Trim();
        var folded = new FoldedText(trimmed);
        var start = SkipNumberLabel(folded.Folded);
        if (NumberSymbol.ReadAt(folded, start) is { } symbol && OnlyPunctuationAfter(folded.Folded, symbol.End))
        {
            return ParseResult<DocumentNumberList>.ForValue(new DocumentNumberList(symbol.Numbers.Select(FromRepaired).ToList()));
        }

        // Not a symbol the extractor would recognise (an unknown type code, a bare "13 CT UBND"): still a
        // number when it is digits followed by letters, compared by the same key.
        var rest = trimmed[folded.ToOriginal(start)..].Trim();
        var restKey = KeyOf(rest);
        return restKey is null
            ? ParseResult<DocumentNumberList>.ForError($"'{written}' is not a document number (expected e.g. 13/CT-UBND or 58-KH/TU)")
            : ParseResult<DocumentNumberList>.ForValue(new DocumentNumberList([new DocumentNumber(RemoveSpaces(rest), restKey)]));
    }

    /// <summary>The key of a number already read (an extracted <c>number</c> or citation); null when it is not one.</summary>
    public static string? KeyFor(string? number) => Parse(number).ValueOrNull?.Key;

    public bool Equals(DocumentNumber other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DocumentNumber other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Text;

    public static bool operator ==(DocumentNumber left, DocumentNumber right) => left.Equals(right);

    public static bool operator !=(DocumentNumber left, DocumentNumber right) => !left.Equals(right);

    private static DocumentNumber FromRepaired(string number) => new(number, KeyOf(number)!);

    /// <summary>
    /// Leading digits (zeros dropped), "/", then the folded letters and digits after them; null unless the
    /// rest is a symbol's shape: an optional year, then one to five codes of letters (no prose, no dates).
    /// </summary>
    private static string? KeyOf(string number)
    {
        var folded = TextFolding.Fold(number);
        var digits = 0;
        while (digits < folded.Length && char.IsAsciiDigit(folded[digits]))
        {
            digits++;
        }

        var lead = folded[..digits].TrimStart('0');
        var tokens = folded[digits..].Split([' ', '-', '/', '.', '_', '\''], StringSplitOptions.RemoveEmptyEntries);
        var codes = tokens.SkipWhile((t, i) => i == 0 && t.Length == 4 && t.All(char.IsAsciiDigit)).ToList();
        if (digits == 0 || codes.Count is 0 or > 5
            || codes.Any(c => c.Length > 10 || !char.IsAsciiLetter(c[0]) || !c.All(char.IsAsciiLetterOrDigit)))
        {
            return null;
        }

        return (lead.Length == 0 ? "0" : lead) + "/" + string.Concat(tokens);
    }

    // "Số:", "số", and the OCR readings Patterns.So accepts ("S6:", "sé").
    private static int SkipNumberLabel(string folded)
    {
        var m = Patterns.NumberLabel().Match(folded);
        return m.Success ? m.Length : 0;
    }

    private static bool OnlyPunctuationAfter(string folded, int end) =>
        folded.AsSpan(end).Trim().Trim(".,;:)".AsSpan()).IsEmpty;

    private static string RemoveSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>The numbers one symbol lists ("217, 218-QĐ/TW").</summary>
public readonly record struct DocumentNumberList(IReadOnlyList<DocumentNumber> Numbers);
