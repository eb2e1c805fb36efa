using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>VNI-Windows ↔ Unicode, on text whose bytes were decoded as Latin-1.</summary>
internal static class VniCodec
{
    // Letters VNI writes as a base letter plus one mark byte, and the few it has single bytes for.
    private const string Pairs =
        "aù=á aø=à aû=ả aõ=ã aï=ạ aâ=â aê=ă aá=ấ aà=ầ aå=ẩ aã=ẫ aä=ậ aé=ắ aè=ằ aú=ẳ aü=ẵ aë=ặ " +
        "eù=é eø=è eû=ẻ eõ=ẽ eï=ẹ eâ=ê eá=ế eà=ề eå=ể eã=ễ eä=ệ " +
        "où=ó oø=ò oû=ỏ oõ=õ oï=ọ oâ=ô oá=ố oà=ồ oå=ổ oã=ỗ oä=ộ ôù=ớ ôø=ờ ôû=ở ôõ=ỡ ôï=ợ " +
        "uù=ú uø=ù uû=ủ uõ=ũ uï=ụ öù=ứ öø=ừ öû=ử öõ=ữ öï=ự yù=ý yø=ỳ yû=ỷ yõ=ỹ " +
        "AÙ=Á AØ=À AÛ=Ả AÕ=Ã AÏ=Ạ AÂ=Â AÊ=Ă AÁ=Ấ AÀ=Ầ AÅ=Ẩ AÃ=Ẫ AÄ=Ậ AÉ=Ắ AÈ=Ằ AÚ=Ẳ AÜ=Ẵ AË=Ặ " +
        "EÙ=É EØ=È EÛ=Ẻ EÕ=Ẽ EÏ=Ẹ EÂ=Ê EÁ=Ế EÀ=Ề EÅ=Ể EÃ=Ễ EÄ=Ệ " +
        "OÙ=Ó OØ=Ò OÛ=Ỏ OÕ=Õ OÏ=Ọ OÂ=Ô OÁ=Ố OÀ=Ồ OÅ=Ổ OÃ=Ỗ OÄ=Ộ ÔÙ=Ớ ÔØ=Ờ ÔÛ=Ở ÔÕ=Ỡ ÔÏ=Ợ " +
        "UÙ=Ú UØ=Ù UÛ=Ủ UÕ=Ũ UÏ=Ụ ÖÙ=Ứ ÖØ=Ừ ÖÛ=Ử ÖÕ=Ữ ÖÏ=Ự YÙ=Ý YØ=Ỳ YÛ=Ỷ YÕ=Ỹ";

    private const string Singles = "í=í ì=ì æ=ỉ ó=ĩ ò=ị î=ỵ ô=ơ ö=ư ñ=đ Í=Í Ì=Ì Æ=Ỉ Ó=Ĩ Ò=Ị Î=Ỵ Ô=Ơ Ö=Ư Ñ=Đ";

    private static readonly Dictionary<string, char> PairToUnicode = Parse(Pairs).ToDictionary(p => p.Code, p => p.Letter);
    private static readonly Dictionary<char, char> SingleToUnicode = Parse(Singles).ToDictionary(p => p.Code[0], p => p.Letter);
    private static readonly Dictionary<char, string> FromUnicode = Parse(Pairs).Concat(Parse(Singles))
        .GroupBy(p => p.Letter).ToDictionary(g => g.Key, g => g.First().Code);

    /// <summary>The mark bytes that follow a base vowel.</summary>
    public static bool IsMark(char c) => c is 'ù' or 'ø' or 'û' or 'õ' or 'ï' or 'â' or 'ê' or 'á' or 'à' or 'å' or 'ã' or 'ä' or 'é' or 'è' or 'ú' or 'ü' or 'ë'
        or 'Ù' or 'Ø' or 'Û' or 'Õ' or 'Ï' or 'Â' or 'Ê' or 'Á' or 'À' or 'Å' or 'Ã' or 'Ä' or 'É' or 'È' or 'Ú' or 'Ü' or 'Ë';

    public static string Decode(string latin1)
    {
        var result = new StringBuilder(latin1.Length);
        for (var i = 0; i < latin1.Length; i++)
        {
            // ô and ö are both a letter (ơ, ư) and the base of a pair (ớ, ứ): the pair wins.
            if (i + 1 < latin1.Length && PairToUnicode.TryGetValue(latin1.Substring(i, 2), out var letter))
            {
                result.Append(letter);
                i++;
            }
            else
            {
                result.Append(SingleToUnicode.GetValueOrDefault(latin1[i], latin1[i]));
            }
        }

        return result.ToString();
    }

    public static string Encode(string unicode)
    {
        var result = new StringBuilder(unicode.Length * 2);
        foreach (var c in unicode.Normalize(NormalizationForm.FormC))
        {
            result.Append(FromUnicode.TryGetValue(c, out var code) ? code : c.ToString());
        }

        return result.ToString();
    }

    private static IEnumerable<(string Code, char Letter)> Parse(string table) =>
        table.Split(' ').Select(p => (p[..p.IndexOf('=', 1)], p[^1]));
}
