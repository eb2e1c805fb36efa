namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>
/// The thin layer over <see cref="LeptonicaApi"/>: each call's result is checked, and a new image comes
/// back as an owned <see cref="PixHandle"/> or fails with an <see cref="OcrPageException"/> naming the step.
/// </summary>
internal static class Leptonica
{
    public static PixHandle Checked(IntPtr pix, string operation) =>
        pix == IntPtr.Zero ? throw new OcrPageException($"image {operation} failed") : new PixHandle(pix);

    public static void Checked(int status, string operation)
    {
        if (status != 0)
        {
            throw new OcrPageException($"image {operation} failed");
        }
    }

    public static int Width(PixHandle pix) => LeptonicaApi.pixGetWidth(pix);

    public static int Height(PixHandle pix) => LeptonicaApi.pixGetHeight(pix);

    public static int Depth(PixHandle pix) => LeptonicaApi.pixGetDepth(pix);

    /// <summary>The part of an image inside a rectangle (clipped to the image).</summary>
    public static PixHandle Crop(PixHandle pix, int x, int y, int width, int height)
    {
        var box = LeptonicaApi.boxCreate(x, y, width, height);
        if (box == IntPtr.Zero)
        {
            throw new OcrPageException("image crop failed");
        }

        try
        {
            return Checked(LeptonicaApi.pixClipRectangle(pix, box, IntPtr.Zero), "crop");
        }
        finally
        {
            LeptonicaApi.boxDestroy(ref box);
        }
    }

    public static PixHandle Copy(PixHandle pix) => Checked(LeptonicaApi.pixCopy(IntPtr.Zero, pix), "copy");

    public static PixHandle ToGrey(PixHandle pix) => Checked(LeptonicaApi.pixConvertTo8(pix, 0), "grey conversion");

    public static PixHandle ToRgb(PixHandle pix) => Checked(LeptonicaApi.pixConvertTo32(pix), "colour conversion");

    /// <summary>Resolution in dpi as the file states it; 0 when it does not.</summary>
    public static int Resolution(PixHandle pix) => LeptonicaApi.pixGetXRes(pix);

    public static void SetResolution(PixHandle pix, int dpi) => LeptonicaApi.pixSetResolution(pix, dpi, dpi);

    /// <summary>Foreground pixels of a 1-bpp image.</summary>
    public static int CountPixels(IntPtr pix)
    {
        Checked(LeptonicaApi.pixCountPixels(pix, out var count, IntPtr.Zero), "pixel count");
        return count;
    }

    public static int CountPixels(PixHandle pix) => CountPixels(pix.DangerousGetHandle());

    /// <summary>Writes a PNG; for looking at what the cleaning did (PLANINGEST_CLEANING_DUMP).</summary>
    public static void WritePng(string path, PixHandle pix) => Checked(LeptonicaApi.pixWrite(path, pix, 3), $"write {path}");
}
