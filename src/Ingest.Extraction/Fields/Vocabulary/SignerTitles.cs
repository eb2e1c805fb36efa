using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>Titles that stand above a signature, in sentence case (Fields/Data/signer-titles.txt).</summary>
internal static class SignerTitles
{
    public static readonly (string Name, string Key)[] All =
        EmbeddedData.Lines(FieldData.SignerTitles).Select(t => (t, new string(Letters.Key(TextFolding.Fold(t)).Where(char.IsLetter).ToArray()))).ToArray();

    /// <summary>The title a folded line reads as, tolerating a little OCR damage ("feruong ban").</summary>
    public static string? Match(string foldedLine)
    {
        var key = new string(Letters.Key(foldedLine).Where(char.IsLetter).ToArray());
        if (key.Length < 5 || key.Length > 30)
        {
            return null;
        }

        foreach (var (name, known) in All)
        {
            if (key == known)
            {
                return name;
            }
        }

        foreach (var (name, known) in All)
        {
            if (Math.Abs(key.Length - known.Length) <= 2 && Fuzzy.Distance(key, known) <= Math.Max(1, known.Length / 4))
            {
                return name;
            }
        }

        return null;
    }
}
