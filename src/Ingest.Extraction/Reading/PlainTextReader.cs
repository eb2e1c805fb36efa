using System.Text;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Reading;

/// <summary>
/// UTF-8 text, including accent-stripped text from an earlier OCR run. Text that is not UTF-8 is a
/// legacy 8-bit file (TCVN3, VNI) and is decoded byte for byte as Windows-1252, which is how those
/// encodings are recognised and converted later: legacy Vietnamese fonts were typed on Windows, so
/// their files carry Windows-1252's curly quotes and dashes (0x93 “, 0x94 ”, 0x96 –) between the
/// font's letter codes (0xA0–0xFF, where Windows-1252 and Latin-1 agree).
/// </summary>
internal sealed class PlainTextReader : IPageReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Task<IReadOnlyList<PageText>> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        // A form feed is how text exports of scanned documents mark page breaks. Split before unifying
        // line endings: ReplaceLineEndings counts a form feed as a line ending too.
        IReadOnlyList<PageText> pages = Decode(file.Bytes).Split('\f')
            .Select((page, index) => new PageText(index + 1, page.ReplaceLineEndings("\n"), PageMethod.PlainText))
            .ToList();
        return Task.FromResult(pages);
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Text.Windows1252.Encoding.GetString(bytes);
        }
    }
}
