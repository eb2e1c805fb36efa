namespace PlanIngest.Extraction.Text;

/// <summary>
/// How Vietnamese a text looks, by its words: of the words written with marks, how many are valid
/// syllables; of all words, how many are valid syllables written with marks.
/// </summary>
/// <param name="Words">Alphabetic words of two letters or more.</param>
/// <param name="MarkedWords">Words with a letter outside ASCII.</param>
/// <param name="ValidMarkedWords">Marked words that are valid Vietnamese syllables.</param>
internal readonly record struct VietnameseTextStats(int Words, int MarkedWords, int ValidMarkedWords)
{
    /// <summary>Share of marked words that are not Vietnamese syllables: high for a broken font mapping.</summary>
    public double InvalidMarkedShare => MarkedWords == 0 ? 0 : 1 - (double)ValidMarkedWords / MarkedWords;

    /// <summary>Share of all words that are correctly marked Vietnamese: low for accent-stripped text.</summary>
    public double ValidMarkedShare => Words == 0 ? 0 : (double)ValidMarkedWords / Words;

    public static VietnameseTextStats Measure(string text, SyllableLexicon lexicon)
    {
        int words = 0, marked = 0, valid = 0;
        foreach (var token in WordTokens.Split(text))
        {
            if (token.Text.Length < 2 || !WordTokens.IsAlphabetic(token.Text))
            {
                continue;
            }

            words++;
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

        return new VietnameseTextStats(words, marked, valid);
    }
}
