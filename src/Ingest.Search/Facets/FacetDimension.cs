using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Search.Facets;

/// <summary>
/// One facet of CONTRACT.md §2 (doc_type, issuer, province, level, year, cites, campaign): how a value is
/// keyed, so that spellings of one value count and filter as one ("Uỷ ban nhân dân tỉnh" = "UBND tỉnh",
/// "13/CT UBND" = "13/CT-UBND"), and how it is shown.
/// </summary>
public sealed class FacetDimension
{
    private readonly Func<string, string?> key;
    private readonly Func<string, string> label;
    private readonly Func<string, (string Key, string Label)?>? both;

    private FacetDimension(string name, Func<string, string?> key, Func<string, string>? label = null, Func<string, (string, string)?>? both = null)
    {
        Name = name;
        this.key = key;
        this.label = label ?? (v => ToneMarks.Canonicalize(v.Trim()));
        this.both = both;
    }

    public static FacetDimension DocType { get; } = new("doc_type", FacetKeys.Words);

    public static FacetDimension Issuer { get; } = new("issuer", FacetKeys.Body);

    public static FacetDimension Province { get; } = new("province", FacetKeys.Province);

    public static FacetDimension Level { get; } = new("level", v => FacetKeys.Words(v), v => v);

    public static FacetDimension Year { get; } = new("year", v => int.TryParse(v, out var y) && y is >= 1900 and <= 2100 ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, v => v);

    public static FacetDimension Cites { get; } = new("cites", v => DocumentNumber.KeyFor(v), v => DocumentNumber.Parse(v).ValueOrNull?.Text ?? v,
        v => DocumentNumber.Parse(v).ValueOrNull is { } number ? (number.Key, number.Text) : null);

    public static FacetDimension Campaign { get; } = new("campaign", FacetKeys.Words);

    public static IReadOnlyList<FacetDimension> All { get; } = [DocType, Issuer, Province, Level, Year, Cites, Campaign];

    /// <summary>The contract name.</summary>
    public string Name { get; }

    /// <summary>Lucene field holding "key\u001Flabel" doc values, counted by <see cref="FacetCounter"/>.</summary>
    internal string CountField => "facet." + Name;

    /// <summary>Lucene field holding the key alone, for filters.</summary>
    internal string FilterField => "f." + Name;

    public static FacetDimension? Find(string name) => All.FirstOrDefault(d => d.Name == name.Trim().ToLowerInvariant());

    /// <summary>The comparison key of a value; null when the value cannot be one (an empty name, a year 20221).</summary>
    public string? KeyOf(string? value) => string.IsNullOrWhiteSpace(value) ? null : key(value);

    /// <summary>How the value is shown: NFC, new-style tone marks, trimmed.</summary>
    public string LabelOf(string value) => label(value);

    /// <summary>Key and label at once (a document number is parsed once for both); null when the value has no key.</summary>
    internal (string Key, string Label)? Read(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (both is not null)
        {
            return both(value);
        }

        return key(value) is { } k ? (k, label(value)) : null;
    }
}
