using System.Globalization;
using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// The one accent-insensitive form used for matching everywhere (extraction, index, search,
/// compare): lower case, marks dropped, đ → d. "Uỷ ban … văn hoá" and "UY BAN ... VAN HOA" fold alike.
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

            folded.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString();
    }
}
