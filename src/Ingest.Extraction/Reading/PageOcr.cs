using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading;

/// <summary>
/// OCRs one page through the pool. A page whose image cannot be decoded or rendered comes back empty
/// with its <see cref="PageText.Error"/> (the document keeps its other pages); a page that ran out of
/// time fails the document with the page named, as a transient failure worth another try.
/// </summary>
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
        catch (OcrPageException e) when (!e.TimedOut)
        {
            return Unreadable(pageNumber, e.Message);
        }
        catch (OcrPageException e)
        {
            throw new DocumentReadException($"page {pageNumber}: {e.Message}", e, FailureKind.Transient);
        }
        catch (DocumentReadException e) when (e.Kind == FailureKind.Permanent)
        {
            return Unreadable(pageNumber, e.Message);
        }
        catch (DocumentReadException e)
        {
            throw new DocumentReadException($"page {pageNumber}: {e.Message}", e, e.Kind);
        }
    }

    /// <summary>
    /// Throws when no page could be read: there is no document to keep then, and the reason is the page's
    /// (one page) or the first page's with the count (several).
    /// </summary>
    public static void ThrowIfNoneRead(IReadOnlyList<PageText> pages)
    {
        if (pages.Count == 0 || pages.Any(p => p.Error is null))
        {
            return;
        }

        var first = pages[0];
        throw new DocumentReadException(pages.Count == 1
            ? $"page {first.Number}: {first.Error}"
            : $"none of its {pages.Count} pages could be read (page {first.Number}: {first.Error})");
    }

    private static PageText Unreadable(int pageNumber, string reason) =>
        new(pageNumber, string.Empty, PageMethod.Ocr) { Error = reason };
}
