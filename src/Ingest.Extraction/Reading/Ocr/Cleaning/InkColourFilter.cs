using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>
/// Turns a colour page grey with the red seal and the blue signature dropped out, so that the black
/// text stamped over survives binarisation. Red ink lets red light through, so under a seal the red
/// channel still shows how much black is there: red-dominant pixels take their red channel as grey
/// (a bare seal goes near white, black text under it stays black, a half-covered text edge stays half
/// dark). Blue and red-over-blue pixels are signature strokes and go white. Leptonica has no such
/// drop-out filter, so this one walks the pixels itself.
/// </summary>
internal static class InkColourFilter
{
    // Chroma margins (0-255) that JPEG colour noise on black text and grey paper stays under.
    private const int RedMargin = 30;
    private const int StrongRedMargin = 60;
    private const int BlueMargin = 15;
    private const int PurpleMargin = 12;
    private const int DarkBelow = 110;

    public static unsafe (PixHandle Grey, InkCount Ink) DropColouredInk(PixHandle rgb)
    {
        var width = Leptonica.Width(rgb);
        var height = Leptonica.Height(rgb);
        var grey = Leptonica.Checked(LeptonicaApi.pixCreate(width, height, 8), "create");
        LeptonicaApi.pixCopyResolution(grey, rgb);
        var sourceWpl = LeptonicaApi.pixGetWpl(rgb);
        var targetWpl = LeptonicaApi.pixGetWpl(grey);
        var source = (uint*)LeptonicaApi.pixGetData(rgb);
        var target = (byte*)LeptonicaApi.pixGetData(grey);
        var ink = new InkCount(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = source + (long)y * sourceWpl;
            var outRow = target + (long)y * targetWpl * 4;
            for (var x = 0; x < width; x++)
            {
                // Leptonica packs RGB as 0xRRGGBBAA in a native 32-bit word.
                var word = row[x];
                int r = (int)(word >> 24), g = (int)((word >> 16) & 0xff), b = (int)((word >> 8) & 0xff);
                int value;
                if (r - Math.Max(g, b) > RedMargin)
                {
                    value = r;
                    if (r - Math.Max(g, b) > StrongRedMargin)
                    {
                        ink.AddRed(x, y);
                    }
                }
                else if (b - Math.Max(r, g) > BlueMargin || Math.Max(r, b) < DarkBelow && r - g > PurpleMargin && b - g > PurpleMargin)
                {
                    value = 255;
                    ink.Blue++;
                }
                else
                {
                    value = (r * 77 + g * 150 + b * 29) >> 8;
                }

                // 8-bit pixels sit in 32-bit words most significant byte first: on a little-endian machine byte x ^ 3.
                outRow[x ^ 3] = (byte)value;
            }
        }

        return (grey, ink);
    }
}
