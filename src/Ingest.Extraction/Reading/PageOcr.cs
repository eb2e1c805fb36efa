using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading;

/// <summary>OCRs one page through the pool and names the page in any failure.</summary>
internal static class PageOcr
{
    public static async Task<PageText> RecognizeAsync(OcrEnginePool ocr, int pageNumber, Func<PixHandle> decode, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ocr.RecognizeAsync(decode, cancellationToken).ConfigureAwait(false);
            return new PageText(pageNumber, result.Text, PageMethod.Ocr, result.Confidence, result.RotationDegrees)
            {
                Image = result.Cleaned ? PageImage.Cleaned : PageImage.Raw,
                Seal = result.Seal,
            };
        }
        catch (OcrPageException e)
        {
            throw new DocumentReadException($"page {pageNumber}: {e.Message}", e, e.TimedOut ? FailureKind.Transient : FailureKind.Permanent);
        }
        catch (DocumentReadException e)
        {
            throw new DocumentReadException($"page {pageNumber}: {e.Message}", e, e.Kind);
        }
    }
}
