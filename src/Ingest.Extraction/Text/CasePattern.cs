namespace PlanIngest.Extraction.Text;

/// <summary>Carries the letter case of a word as read over to its repaired spelling.</summary>
internal static class CasePattern
{
    public static string Apply(string read, string lowerRepaired)
    {
        var letters = read.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || lowerRepaired.Length == 0)
        {
            return lowerRepaired;
        }

        // OCR mixes case inside header words (bUA, PiCH): most letters upper means the word was in capitals.
        if (letters.Count >= 2 && letters.Count(char.IsUpper) * 2 > letters.Count)
        {
            return lowerRepaired.ToUpperInvariant();
        }

        return char.IsUpper(letters[0]) ? char.ToUpperInvariant(lowerRepaired[0]) + lowerRepaired[1..] : lowerRepaired;
    }
}
