namespace PlanIngest.Extraction.Text;

/// <summary>
/// What clean Vietnamese text says about folded syllables in context: how often each folded syllable
/// and pair occurs (the language model of the OCR repair) and which accented spelling a folded syllable
/// takes after / before / between given neighbours (the folded → accented phrase dictionary).
/// Learnt from the embedded corpus (Data/corpus-*.txt), the domain vocabulary (Data/domain-vocabulary.txt)
/// and the gazetteer's place names (<see cref="Places.Gazetteer"/>).
/// </summary>
internal sealed class PhraseDictionary
{
    /// <summary>Context symbol for any number (<c>ngày 3 tháng 03</c>).</summary>
    public const string Number = "<n>";

    // Folded words are numbered as they are first seen, so that the decoder's inner loop looks up pairs of ints.
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<int> unigrams = [];
    private readonly List<int> leftTotals = [];
    private readonly List<int> continuations = [];
    private readonly Dictionary<(int, int, int), int> trigrams = [];
    private readonly Dictionary<(int, int), (int Total, int Types)> trigramContexts = [];
    private readonly Dictionary<long, int> bigrams = [];
    private readonly Dictionary<string, Dictionary<string, int>> formsAlone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> formsAfter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> formsBefore = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> formsBetween = new(StringComparer.Ordinal);

    /// <param name="lines">Clean text: learnt as language (word and pair counts) and as accented forms.</param>
    /// <param name="lexicon">Which words are syllables with a form to learn.</param>
    /// <param name="names">
    /// Place names ("huyện Tam Nông"): learnt only as forms in their own context. ~750 district names
    /// counted as language would make their syllables look common (tây, tân, phú) and their spellings the
    /// dominant form (Tam for tâm): measured, folded accuracy on testdata/repair fell from 98.2% to 97.8%.
    /// </param>
    public PhraseDictionary(IEnumerable<string> lines, SyllableLexicon lexicon, IEnumerable<string>? names = null)
    {
        foreach (var line in lines)
        {
            Learn(line, lexicon, asLanguage: true);
        }

        foreach (var name in names ?? [])
        {
            Learn(name, lexicon, asLanguage: false);
        }

        Total = unigrams.Sum();
    }

    public static PhraseDictionary Shared => Lazy.Value;

    /// <summary>Syllables learnt from.</summary>
    public int Total { get; }

    /// <summary>The number of a folded word seen in the corpus, or -1.</summary>
    public int Id(string folded) => ids.GetValueOrDefault(folded, -1);

    public int Count(int id) => id < 0 ? 0 : unigrams[id];

    public int Count(int previousId, int id) => previousId < 0 || id < 0 ? 0 : bigrams.GetValueOrDefault(((long)previousId << 32) | (uint)id);

    public int CountAsLeft(int previousId) => previousId < 0 ? 0 : leftTotals[previousId];

    /// <summary>How often the three folded words were seen in this order.</summary>
    public int Count(int firstId, int secondId, int id) => firstId < 0 || secondId < 0 || id < 0 ? 0 : trigrams.GetValueOrDefault((firstId, secondId, id));

    /// <summary>How often the pair was seen with a word after it, and how many different words followed.</summary>
    public (int Total, int Types) CountAsContext(int firstId, int secondId) =>
        firstId < 0 || secondId < 0 ? (0, 0) : trigramContexts.GetValueOrDefault((firstId, secondId));

    /// <summary>How many different words were seen after <paramref name="previousId"/> (Witten-Bell smoothing).</summary>
    public int Continuations(int previousId) => previousId < 0 ? 0 : continuations[previousId];

    /// <summary>
    /// The accented form (lower case, canonical placement) that the evidence clearly favours for
    /// <paramref name="folded"/> between the given neighbours, or null when it does not.
    /// </summary>
    public (string Form, string Evidence)? Restore(string? previous, string folded, string? next)
    {
        if (previous is not null && next is not null && Dominant(formsBetween, $"{previous} {folded} {next}", 0.7, 1) is { } between)
        {
            return (between, "phrase");
        }

        var sides = new Dictionary<string, int>(StringComparer.Ordinal);
        if (previous is not null && formsAfter.TryGetValue($"{previous} {folded}", out var after))
        {
            Add(sides, after);
        }

        if (next is not null && formsBefore.TryGetValue($"{folded} {next}", out var before))
        {
            Add(sides, before);
        }

        if (Dominant(sides, 0.75, 1) is { } side)
        {
            return (side, "phrase");
        }

        return Dominant(formsAlone, folded, 0.85, 3) is { } alone ? (alone, "dominant form") : null;
    }

    /// <summary>
    /// The likeliest accented form of <paramref name="folded"/> when no form is clearly favoured: the commonest one
    /// beside these neighbours, else the commonest anywhere (null when the corpus never saw the syllable). Only
    /// for a word whose marks the English model wrote ("dé" for để): its mark is no evidence, so a guess from the
    /// corpus is right more often than the mark as read.
    /// </summary>
    public string? Likeliest(string? previous, string folded, string? next)
    {
        var sides = new Dictionary<string, int>(StringComparer.Ordinal);
        if (previous is not null && formsAfter.TryGetValue($"{previous} {folded}", out var after))
        {
            Add(sides, after);
        }

        if (next is not null && formsBefore.TryGetValue($"{folded} {next}", out var before))
        {
            Add(sides, before);
        }

        return Dominant(sides, 0, 1) ?? Dominant(formsAlone, folded, 0, 1);
    }

    /// <summary>
    /// How often each accented form (lower case, canonical placement) of <paramref name="folded"/> was seen
    /// after the folded word <paramref name="previous"/>, before <paramref name="next"/>, and anywhere.
    /// </summary>
    public (IReadOnlyDictionary<string, int> After, IReadOnlyDictionary<string, int> Before, IReadOnlyDictionary<string, int> Anywhere) FormCounts(
        string? previous, string folded, string? next)
    {
        var none = (IReadOnlyDictionary<string, int>)new Dictionary<string, int>();
        return (
            previous is not null && formsAfter.TryGetValue($"{previous} {folded}", out var after) ? after : none,
            next is not null && formsBefore.TryGetValue($"{folded} {next}", out var before) ? before : none,
            formsAlone.TryGetValue(folded, out var alone) ? alone : none);
    }

    private void Learn(string line, SyllableLexicon lexicon, bool asLanguage)
    {
        var words = new List<(string Folded, string? Form)>();
        foreach (var token in WordTokens.Split(line))
        {
            if (token.Text.Any(char.IsDigit))
            {
                words.Add((Number, null));
                continue;
            }

            var lower = ToneMarks.Canonicalize(token.Text.ToLowerInvariant());
            var folded = TextFolding.Fold(lower);
            // Abbreviations and foreign words are context too, but they have no accented form to learn.
            words.Add((folded, lexicon.IsValid(lower) ? lower : null));
        }

        var previousId = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var (folded, form) = words[i];
            if (!asLanguage)
            {
                LearnInContext(words, i);
                continue;
            }

            if (!ids.TryGetValue(folded, out var id))
            {
                ids[folded] = id = unigrams.Count;
                unigrams.Add(0);
                leftTotals.Add(0);
                continuations.Add(0);
            }

            unigrams[id]++;
            if (i > 1 && ids[words[i - 2].Folded] is var first && ids[words[i - 1].Folded] is var second)
            {
                var seen3 = trigrams.GetValueOrDefault((first, second, id));
                trigrams[(first, second, id)] = seen3 + 1;
                var context = trigramContexts.GetValueOrDefault((first, second));
                trigramContexts[(first, second)] = (context.Total + 1, context.Types + (seen3 == 0 ? 1 : 0));
            }

            if (i > 0)
            {
                var key = ((long)previousId << 32) | (uint)id;
                var seen = bigrams.GetValueOrDefault(key);
                bigrams[key] = seen + 1;
                leftTotals[previousId]++;
                continuations[previousId] += seen == 0 ? 1 : 0;
            }

            previousId = id;

            if (form is null)
            {
                continue;
            }

            Increment(formsAlone, folded, form);
            LearnInContext(words, i);
        }
    }

    private void LearnInContext(List<(string Folded, string? Form)> words, int i)
    {
        var (folded, form) = words[i];
        if (form is null)
        {
            return;
        }

        if (i > 0)
        {
            Increment(formsAfter, $"{words[i - 1].Folded} {folded}", form);
        }

        if (i + 1 < words.Count)
        {
            Increment(formsBefore, $"{folded} {words[i + 1].Folded}", form);
        }

        if (i > 0 && i + 1 < words.Count)
        {
            Increment(formsBetween, $"{words[i - 1].Folded} {folded} {words[i + 1].Folded}", form);
        }
    }

    private static string? Dominant(Dictionary<string, Dictionary<string, int>> table, string key, double share, int minimum) =>
        table.TryGetValue(key, out var forms) ? Dominant(forms, share, minimum) : null;

    private static string? Dominant(Dictionary<string, int> forms, double share, int minimum)
    {
        if (forms.Count == 0)
        {
            return null;
        }

        var total = forms.Values.Sum();
        var best = forms.MaxBy(f => f.Value);
        return best.Value >= minimum && best.Value >= share * total ? best.Key : null;
    }

    private static void Add(Dictionary<string, int> into, Dictionary<string, int> from)
    {
        foreach (var (form, count) in from)
        {
            into[form] = into.GetValueOrDefault(form) + count;
        }
    }

    private static void Increment(Dictionary<string, int> table, string key) => table[key] = table.GetValueOrDefault(key) + 1;

    private static void Increment(Dictionary<string, Dictionary<string, int>> table, string key, string form)
    {
        if (!table.TryGetValue(key, out var forms))
        {
            table[key] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        Increment(forms, form);
    }

    /// <summary>
    /// The dictionary of the English-model OCR repair: the shared one's sources plus the team's own clean texts
    /// (Data/repair-corpus.txt). Kept apart from <see cref="Shared"/> so that the scan path's symbol corrector and
    /// the legacy-font repair, tuned on the shared counts, do not change with the repair's corpus.
    /// </summary>
    public static PhraseDictionary ForOcrRepair => RepairLazy.Value;

    private static readonly Lazy<PhraseDictionary> Lazy = new(() => Build([]));

    private static readonly Lazy<PhraseDictionary> RepairLazy = new(() => Build(EmbeddedData.Lines(DataNames.RepairCorpus)));

    private static PhraseDictionary Build(IEnumerable<string> extraLines)
    {
        var gazetteer = Places.Gazetteer.Shared;
        var provinces = gazetteer.Provinces(Places.AdministrativeEra.Before2025).Concat(gazetteer.Provinces(Places.AdministrativeEra.From2025))
            .Select(p => p.FullName).Distinct(StringComparer.Ordinal);
        return new PhraseDictionary(
            EmbeddedData.Names(DataNames.CorpusPrefix).SelectMany(EmbeddedData.Lines).Concat(EmbeddedData.Lines(DataNames.Vocabulary)).Concat(provinces).Concat(extraLines),
            SyllableLexicon.Shared,
            gazetteer.Districts.Select(d => d.FullName).Distinct(StringComparer.Ordinal));
    }
}
