using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Tests.Reading.Ocr.Cleaning;

/// <summary>Draws test pages with Leptonica images: filled boxes and disks on 1-bit or RGB pages.</summary>
internal static unsafe class SyntheticPage
{
    public static PixHandle Binary(int width, int height, int dpi)
    {
        NativeLibraries.EnsurePrepared();
        var pix = Leptonica.Checked(LeptonicaApi.pixCreate(width, height, 1), "create");
        Leptonica.SetResolution(pix, dpi);
        return pix;
    }

    public static PixHandle Rgb(int width, int height, int dpi, byte r = 245, byte g = 243, byte b = 238)
    {
        NativeLibraries.EnsurePrepared();
        var pix = Leptonica.Checked(LeptonicaApi.pixCreate(width, height, 32), "create");
        Leptonica.SetResolution(pix, dpi);
        Paint(pix, 0, 0, width, height, r, g, b);
        return pix;
    }

    /// <summary>Sets a box of a 1-bit page to black.</summary>
    public static void Fill(PixHandle pix, int x, int y, int w, int h)
    {
        var wpl = LeptonicaApi.pixGetWpl(pix);
        var data = (uint*)LeptonicaApi.pixGetData(pix);
        for (var yy = y; yy < y + h; yy++)
        {
            for (var xx = x; xx < x + w; xx++)
            {
                data[(long)yy * wpl + (xx >> 5)] |= 1u << (31 - (xx & 31));
            }
        }
    }

    public static void Disk(PixHandle pix, int cx, int cy, int r)
    {
        for (var y = -r; y <= r; y++)
        {
            var half = (int)Math.Sqrt(r * r - y * y);
            Fill(pix, cx - half, cy + y, 2 * half + 1, 1);
        }
    }

    public static bool IsBlack(PixHandle pix, int x, int y)
    {
        var wpl = LeptonicaApi.pixGetWpl(pix);
        var data = (uint*)LeptonicaApi.pixGetData(pix);
        return (data[(long)y * wpl + (x >> 5)] >> (31 - (x & 31)) & 1) != 0;
    }

    /// <summary>Multiplies a box of an RGB page by an ink colour, as ink on paper does.</summary>
    public static void Ink(PixHandle pix, int x, int y, int w, int h, byte r, byte g, byte b)
    {
        var wpl = LeptonicaApi.pixGetWpl(pix);
        var data = (uint*)LeptonicaApi.pixGetData(pix);
        for (var yy = y; yy < y + h; yy++)
        {
            for (var xx = x; xx < x + w; xx++)
            {
                var word = data[(long)yy * wpl + xx];
                var (pr, pg, pb) = (word >> 24, (word >> 16) & 0xff, (word >> 8) & 0xff);
                data[(long)yy * wpl + xx] = Pack((byte)(pr * r / 255), (byte)(pg * g / 255), (byte)(pb * b / 255));
            }
        }
    }

    public static void Ring(PixHandle pix, int cx, int cy, int outer, int inner, byte r, byte g, byte b)
    {
        for (var y = -outer; y <= outer; y++)
        {
            for (var x = -outer; x <= outer; x++)
            {
                var d2 = x * x + y * y;
                if (d2 <= outer * outer && d2 >= inner * inner)
                {
                    Ink(pix, cx + x, cy + y, 1, 1, r, g, b);
                }
            }
        }
    }

    public static byte Grey(PixHandle pix, int x, int y)
    {
        var wpl = LeptonicaApi.pixGetWpl(pix);
        var data = (byte*)LeptonicaApi.pixGetData(pix);
        return data[(long)y * wpl * 4 + (x ^ 3)];
    }

    /// <summary>Rows of "n"-like letters (two stems and a bar, stroke 4 px, x-height 28 px), as many as fit.</summary>
    public static List<(int X, int Y)> Letters(PixHandle pix, int left, int top, int right, int bottom)
    {
        var placed = new List<(int, int)>();
        for (var y = top; y + 28 <= bottom; y += 70)
        {
            for (var x = left; x + 20 <= right; x += 26)
            {
                Fill(pix, x, y, 4, 28);
                Fill(pix, x + 14, y, 4, 28);
                Fill(pix, x, y, 18, 4);
                placed.Add((x, y));
            }
        }

        return placed;
    }

    private static void Paint(PixHandle pix, int x, int y, int w, int h, byte r, byte g, byte b)
    {
        var wpl = LeptonicaApi.pixGetWpl(pix);
        var data = (uint*)LeptonicaApi.pixGetData(pix);
        for (var yy = y; yy < y + h; yy++)
        {
            for (var xx = x; xx < x + w; xx++)
            {
                data[(long)yy * wpl + xx] = Pack(r, g, b);
            }
        }
    }

    private static uint Pack(byte r, byte g, byte b) => (uint)r << 24 | (uint)g << 16 | (uint)b << 8;
}
