namespace PlanIngest.Extraction.Text;

/// <summary>
/// How Vietnamese a text looks, by its words: of the words written with marks, how many are valid
/// syllables; of all words, how many are valid syllables written with marks.
/// </summary>
/// <param name="Words">Alphabetic words of two letters or more.</param>
/// <param name="MarkedWords">Words with a letter outside ASCII.</param>
/// <param name="ValidMarkedWords">Marked words that are valid Vietnamese syllables.</param>
/// <param name="FoldedValidWords">Words whose folded form is a Vietnamese syllable (marks or not).</param>
internal readonly record struct VietnameseTextStats(int Words, int MarkedWords, int ValidMarkedWords, int FoldedValidWords)
{
    /// <summary>Share of words that fold to a syllable: ~0.8 and up for Vietnamese however damaged, ~0.3 for English.</summary>
    public double FoldedValidShare => Words == 0 ? 0 : (double)FoldedValidWords / Words;

    /// <summary>Share of marked words that are not Vietnamese syllables: high for a broken font mapping.</summary>
    public double InvalidMarkedShare => MarkedWords == 0 ? 0 : 1 - (double)ValidMarkedWords / MarkedWords;

    /// <summary>Share of all words that are correctly marked Vietnamese: low for accent-stripped text.</summary>
    public double ValidMarkedShare => Words == 0 ? 0 : (double)ValidMarkedWords / Words;

    public static VietnameseTextStats Measure(string text, SyllableLexicon lexicon)
    {
        int words = 0, marked = 0, valid = 0, foldedValid = 0;
        foreach (var token in WordTokens.Split(text))
        {
            if (token.Text.Length < 2 || !WordTokens.IsAlphabetic(token.Text))
            {
                continue;
            }

            words++;
            if (lexicon.IsValidFolded(TextFolding.Fold(token.Text)))
            {
                foldedValid++;
            }

            if (token.Text.All(char.IsAscii))
            {
                continue;
            }

            marked++;
            if (lexicon.IsValid(token.Text.ToLowerInvariant()))
            {
                valid++;
            }
        }

        return new VietnameseTextStats(words, marked, valid, foldedValid);
    }
}
