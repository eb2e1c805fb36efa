using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>
/// The Windows code page legacy Vietnamese files were typed under. Their letters sit at 0xA0–0xFF, where it
/// agrees with Latin-1; its 0x80–0x9F are the curly quotes and dashes (“ ” ‘ ’ – —) that Latin-1 would turn
/// into C1 control characters.
/// </summary>
internal static class Windows1252
{
    // The runtime's own table, taken without registering a provider (no process-wide state); its five
    // unassigned bytes come back as the C1 controls Latin-1 gives, so decoding never loses a byte.
    public static Encoding Encoding { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("the runtime has no Windows-1252 code page");

    /// <summary>Text whose 8-bit bytes were read as Latin-1 (C1 controls for quotes and dashes), read as Windows-1252 instead.</summary>
    public static string FromLatin1(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        Span<byte> single = stackalloc byte[1];
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u009F')
            {
                single[0] = (byte)c;
                result.Append(Encoding.GetString(single));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
