using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading;

/// <summary>Decodes image bytes with Leptonica, refusing images too large to OCR before decoding them.</summary>
internal static class ImageDecoder
{
    /// <summary>About an A2 sheet at 300 dpi; a 20000×20000 image would need 400 MB per copy and hours of OCR.</summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>Width and height from the image header; throws when the header is unreadable or the image too large.</summary>
    public static (int Width, int Height) CheckHeader(byte[] data, string what)
    {
        NativeLibraries.EnsurePrepared();
        if (LeptonicaApi.pixReadHeaderMem(ref data[0], (nuint)data.Length, out _, out var width, out var height, out _, out _, out _) != 0)
        {
            throw new DocumentReadException($"{what} is damaged or truncated (image header unreadable)");
        }

        if ((long)width * height > MaxPixels)
        {
            throw new DocumentReadException($"image too large to OCR ({width}×{height} px; limit {MaxPixels / 1_000_000} megapixels)");
        }

        return (width, height);
    }

    /// <summary>Decodes one image (for TIFF, page <paramref name="tiffPage"/>, 0-based).</summary>
    public static PixHandle Decode(byte[] data, int? tiffPage = null, int? resolution = null)
    {
        NativeLibraries.EnsurePrepared();
        var pix = tiffPage is { } page
            ? LeptonicaApi.pixReadMemTiff(ref data[0], (nuint)data.Length, page)
            : LeptonicaApi.pixReadMem(ref data[0], (nuint)data.Length);
        if (pix == IntPtr.Zero)
        {
            throw new OcrPageException("image data could not be decoded (damaged or truncated)");
        }

        var handle = new PixHandle(pix);
        if ((long)LeptonicaApi.pixGetWidth(handle) * LeptonicaApi.pixGetHeight(handle) > MaxPixels)
        {
            handle.Dispose();
            throw new OcrPageException($"image too large to OCR (limit {MaxPixels / 1_000_000} megapixels)");
        }

        if (resolution is { } dpi)
        {
            LeptonicaApi.pixSetResolution(handle, dpi, dpi);
        }

        return handle;
    }
}
