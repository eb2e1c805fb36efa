using System.Globalization;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// How common folded syllables, and syllable pairs inside words, are in general Vietnamese
/// (Data/syllable-frequencies.tsv, counts from a million-sentence corpus): the background the OCR
/// repair's language model falls back on, because a list of administrative phrases says nothing about
/// how much more often "được" or "với" occur than "dục" or "vi".
/// </summary>
internal sealed class SyllableFrequencies
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<double> unigrams = [];
    private readonly List<double> leftTotals = [];
    private readonly List<int> continuations = [];
    private readonly Dictionary<long, double> bigrams = [];

    /// <param name="rows">"folded<TAB>count" and "folded folded<TAB>count" lines.</param>
    public SyllableFrequencies(IEnumerable<string> rows)
    {
        var pairs = new List<(string First, string Second, double Count)>();
        foreach (var row in rows)
        {
            var tab = row.IndexOf('\t');
            var key = row[..tab];
            var count = double.Parse(row.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            var space = key.IndexOf(' ');
            if (space < 0)
            {
                unigrams[Id(key)] += count;
            }
            else
            {
                pairs.Add((key[..space], key[(space + 1)..], count));
            }
        }

        foreach (var (first, second, count) in pairs)
        {
            var (a, b) = (Id(first), Id(second));
            bigrams[((long)a << 32) | (uint)b] = count;
            leftTotals[a] += count;
            continuations[a]++;
        }

        Total = unigrams.Sum();
    }

    public static SyllableFrequencies Shared => Lazy.Value;

    public double Total { get; }

    /// <summary>The number of a folded syllable in the list, or -1.</summary>
    public int Find(string folded) => ids.GetValueOrDefault(folded, -1);

    public double Count(int id) => id < 0 ? 0 : unigrams[id];

    public double Count(int previousId, int id) => previousId < 0 || id < 0 ? 0 : bigrams.GetValueOrDefault(((long)previousId << 32) | (uint)id);

    public double CountAsLeft(int previousId) => previousId < 0 ? 0 : leftTotals[previousId];

    public int Continuations(int previousId) => previousId < 0 ? 0 : continuations[previousId];

    private int Id(string folded)
    {
        if (!ids.TryGetValue(folded, out var id))
        {
            ids[folded] = id = unigrams.Count;
            unigrams.Add(0);
            leftTotals.Add(0);
            continuations.Add(0);
        }

        return id;
    }

    private static readonly Lazy<SyllableFrequencies> Lazy = new(() => new SyllableFrequencies(EmbeddedData.Lines(DataNames.Frequencies)));
}
