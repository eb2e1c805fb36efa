namespace PlanIngest.Extraction.Text;

/// <summary>
/// The valid Vietnamese syllables (Data/syllables.txt, generated from hunspell-vi and the clean texts by
/// tools/text-data/make_syllables.py), by exact accented form and by folded form.
/// </summary>
internal sealed class SyllableLexicon
{
    private readonly HashSet<string> accented;
    private readonly Dictionary<string, List<string>> byFolded;

    public SyllableLexicon(IEnumerable<string> syllables)
    {
        accented = new HashSet<string>(StringComparer.Ordinal);
        byFolded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in syllables)
        {
            var syllable = ToneMarks.Canonicalize(raw.Trim().ToLowerInvariant());
            if (syllable.Length == 0 || !accented.Add(syllable))
            {
                continue;
            }

            var folded = TextFolding.Fold(syllable);
            if (!byFolded.TryGetValue(folded, out var forms))
            {
                byFolded[folded] = forms = [];
            }

            forms.Add(syllable);
        }

        FoldedSyllables = byFolded.Keys.ToArray();
    }

    public static SyllableLexicon Shared => Lazy.Value;

    /// <summary>Every folded syllable, for candidate search.</summary>
    public IReadOnlyList<string> FoldedSyllables { get; }

    /// <summary>Whether a lower-case word, written with any tone placement, is a Vietnamese syllable.</summary>
    public bool IsValid(string lowerWord) =>
        accented.Contains(lowerWord) || LetterBase.HasMovableRime(lowerWord) && accented.Contains(ToneMarks.Canonicalize(lowerWord));

    public bool IsValidFolded(string folded) => byFolded.ContainsKey(folded);

    /// <summary>The accented spellings of a folded syllable (canonical placement, lower case).</summary>
    public IReadOnlyList<string> Forms(string folded) => byFolded.TryGetValue(folded, out var forms) ? forms : [];

    private static readonly Lazy<SyllableLexicon> Lazy = new(() => new SyllableLexicon(EmbeddedData.Lines(DataNames.Syllables)));
}
