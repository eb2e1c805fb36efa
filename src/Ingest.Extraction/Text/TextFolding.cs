using System.Globalization;
using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// The one accent-insensitive form used for matching everywhere (extraction, index, search,
/// compare): lower case, marks dropped, đ → d, typographic ligatures spelt out (ﬁ → fi).
/// "Uỷ ban … văn hoá" and "UY BAN ... VAN HOA" fold alike; folding is idempotent.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'đ' or 'Đ':
                    folded.Append('d');
                    break;
                case >= '\uFB00' and <= '\uFB06':
                    // OCR and PDF text layers hand back ligature glyphs; NFD leaves them whole, NFKD spells them out.
                    folded.Append(c.ToString().Normalize(NormalizationForm.FormKD).ToLowerInvariant());
                    break;
                default:
                    folded.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return folded.ToString();
    }
}
