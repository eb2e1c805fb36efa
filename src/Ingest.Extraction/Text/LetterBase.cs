namespace PlanIngest.Extraction.Text;

/// <summary>The unmarked lower-case letter of a character (ế → e, Đ → d), from a table: hot loops call this per character.</summary>
internal static class LetterBase
{
    private static readonly Dictionary<char, char> Table = Build();

    public static char Of(char c) => c < '\u0080' ? char.ToLowerInvariant(c) : Table.GetValueOrDefault(c, c);

    /// <summary>Whether moving a tone mark could change the word: it has an oa, oe or uy pair.</summary>
    public static bool HasMovableRime(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            var (first, second) = (Of(word[i - 1]), Of(word[i]));
            if (first == 'o' && second is 'a' or 'e' || first == 'u' && second == 'y')
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<char, char> Build()
    {
        var table = new Dictionary<char, char>();
        for (var c = '\u00C0'; c <= '\u1EF9'; c++)
        {
            if (char.IsLetter(c) && TextFolding.Fold(c.ToString()) is [var single] && single < '\u0080')
            {
                table[c] = single;
            }
        }

        return table;
    }
}
