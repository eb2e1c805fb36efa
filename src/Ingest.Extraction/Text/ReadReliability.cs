using System.Globalization;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// How often a word as the English model reads it was the printed word (Data/read-reliability.tsv, counted on
/// the repair tuning pairs by tools/text-data/make_read_reliability.py): the repair's prior for keeping a read
/// word that already spells a syllable. "vé" was always về (kept: it folds the same), "hé" was hộ three times in
/// four, "chi" was chủ one time in five: one constant penalty for every valid-looking word cannot say that.
/// </summary>
internal sealed class ReadReliability
{
    // Weight of the general rate against a word's own counts (a word seen 4 times moves halfway to its own rate).
    private const double PriorWeight = 4.0;

    private readonly Dictionary<string, (int Seen, int Right)> counts = new(StringComparer.Ordinal);

    /// <param name="rows">"word<TAB>seen<TAB>right" lines; # starts a comment.</param>
    public ReadReliability(IEnumerable<string> rows)
    {
        foreach (var row in rows)
        {
            var fields = row.Split('\t');
            counts[fields[0]] = (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
        }
    }

    public static ReadReliability Shared => Lazy.Value;

    /// <summary>
    /// The chance that <paramref name="lowerRead"/> is not what was printed: its own counts, smoothed towards
    /// <paramref name="generalRate"/> (the rate of all words of its kind).
    /// </summary>
    public double WrongRate(string lowerRead, double generalRate)
    {
        var (seen, right) = counts.GetValueOrDefault(lowerRead);
        return (seen - right + PriorWeight * generalRate) / (seen + PriorWeight);
    }

    private static readonly Lazy<ReadReliability> Lazy = new(() => new ReadReliability(EmbeddedData.Lines(DataNames.ReadReliability)));
}
