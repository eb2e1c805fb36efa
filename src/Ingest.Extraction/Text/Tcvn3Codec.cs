using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>TCVN3 (ABC) ↔ Unicode, on text whose bytes were decoded as Latin-1.</summary>
internal static class Tcvn3Codec
{
    // Byte value → letter. Upper-case toned letters have no code of their own in TCVN3: those fonts
    // (.VnTimeH) draw the lower-case codes as capitals, so such text comes back in lower case.
    private const string Letters =
        "\u00A1Ă \u00A2Â \u00A3Ê \u00A4Ô \u00A5Ơ \u00A6Ư \u00A7Đ \u00A8ă \u00A9â \u00AAê \u00ABô \u00ACơ \u00ADư \u00AEđ " +
        "\u00B5à \u00B6ả \u00B7ã \u00B8á \u00B9ạ \u00BBằ \u00BCẳ \u00BDẵ \u00BEắ \u00C6ặ \u00C7ầ \u00C8ẩ \u00C9ẫ \u00CAấ \u00CBậ " +
        "\u00CCè \u00CEẻ \u00CFẽ \u00D0é \u00D1ẹ \u00D2ề \u00D3ể \u00D4ễ \u00D5ế \u00D6ệ \u00D7ì \u00D8ỉ \u00DCĩ \u00DDí \u00DEị " +
        "\u00DFò \u00E1ỏ \u00E2õ \u00E3ó \u00E4ọ \u00E5ồ \u00E6ổ \u00E7ỗ \u00E8ố \u00E9ộ \u00EAờ \u00EBở \u00ECỡ \u00EDớ \u00EEợ " +
        "\u00EFù \u00F1ủ \u00F2ũ \u00F3ú \u00F4ụ \u00F5ừ \u00F6ử \u00F7ữ \u00F8ứ \u00F9ự \u00FAỳ \u00FBỷ \u00FCỹ \u00FDý \u00FEỵ";

    private static readonly Dictionary<char, char> ToUnicode = Letters.Split(' ').ToDictionary(p => p[0], p => p[1]);
    private static readonly Dictionary<char, char> FromUnicode = ToUnicode.ToDictionary(p => p.Value, p => p.Key);

    public static bool IsCode(char c) => ToUnicode.ContainsKey(c);

    public static string Decode(string latin1)
    {
        var result = new StringBuilder(latin1.Length);
        foreach (var c in latin1)
        {
            result.Append(ToUnicode.GetValueOrDefault(c, c));
        }

        return result.ToString();
    }

    /// <summary>Unicode → TCVN3 as Latin-1 characters; upper-case toned letters are written in lower case.</summary>
    public static string Encode(string unicode)
    {
        var result = new StringBuilder(unicode.Length);
        foreach (var c in unicode.Normalize(NormalizationForm.FormC))
        {
            result.Append(FromUnicode.TryGetValue(c, out var code) ? code
                : FromUnicode.TryGetValue(char.ToLowerInvariant(c), out var lower) ? lower
                : c);
        }

        return result.ToString();
    }
}
