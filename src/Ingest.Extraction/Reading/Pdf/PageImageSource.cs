using UglyToad.PdfPig.Content;

namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>
/// The bytes of a scanned page's image when Leptonica can decode them directly (JPEG, or anything
/// PdfPig can turn into PNG), with the resolution they were scanned at; null when the page must be
/// rasterised instead (CCITT G4, JBIG2, several images, vector content).
/// </summary>
internal sealed record PageImageSource(byte[] Bytes, int Resolution)
{
    // An image covering less of the page than this is a logo or stamp, not the scan.
    private const double MinPageCoverage = 0.8;

    public static PageImageSource? TryFrom(Page page)
    {
        var images = page.GetImages().ToList();
        if (images.Count != 1)
        {
            return null;
        }

        var image = images[0];
        var coverage = image.BoundingBox.Width * image.BoundingBox.Height / (page.Width * page.Height);
        if (coverage < MinPageCoverage || image.IsImageMask)
        {
            return null;
        }

        var resolution = (int)Math.Round(image.WidthInSamples / (image.BoundingBox.Width / 72.0));
        var raw = image.RawMemory.ToArray();
        if (ContentSniffer.Sniff(raw) is ContentKind.Jpeg or ContentKind.Png)
        {
            return new PageImageSource(raw, resolution);
        }

        return image.TryGetPng(out var png) ? new PageImageSource(png, resolution) : null;
    }
}
