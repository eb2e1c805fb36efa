using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>
/// PDFs with a text layer, image-only PDFs and mixtures: each page keeps its text layer when it is
/// usable and is OCRed otherwise.
/// </summary>
internal sealed class PdfReader(OcrEnginePool ocr) : IPageReader
{
    public async Task<IReadOnlyList<PageText>> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        using var rasterizer = new PageRasterizer(file);
        using var document = new PdfPages(file);
        // Pages are planned in order here, and each scanned page's image is taken out only when an engine is
        // free for it, so that a long scan never holds all its page images at once.
        var plans = Plan(document);
        var pages = plans.Select(plan => plan.Text is { } text
            ? Task.FromResult(new PageText(plan.Number, text, plan.Method))
            : PageOcr.RecognizeAsync(ocr, plan.Number, () => Decode(plan, document, rasterizer), cancellationToken));
        return await Task.WhenAll(pages).ConfigureAwait(false);
    }

    private static List<PagePlan> Plan(PdfPages document)
    {
        try
        {
            var count = document.Count;
            if (count == 0)
            {
                throw new DocumentReadException("PDF has no pages");
            }

            var plans = new List<PagePlan>(count);
            for (var number = 1; number <= count; number++)
            {
                plans.Add(document.With(number, page => TextLayerQuality.Judge(ContentOrderTextExtractor.GetText(page)) is { } layer
                    ? new PagePlan(page.Number, layer.Text, page.Width, page.Height, layer.Method)
                    : new PagePlan(page.Number, null, page.Width, page.Height)));
            }

            return plans;
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentReadException("encrypted PDF: it needs a password to open");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig signals a damaged file with many exception types; all of them mean the same thing here.
            throw new DocumentReadException($"malformed or truncated PDF ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
        }
    }

    private static Ocr.Native.PixHandle Decode(PagePlan plan, PdfPages document, PageRasterizer rasterizer)
    {
        if (TakeImage(plan, document) is { } image)
        {
            try
            {
                return ImageDecoder.Decode(image.Bytes, resolution: image.Resolution);
            }
            catch (OcrPageException)
            {
                // The embedded stream did not decode on its own; poppler renders what the viewer would show.
            }
        }

        var (png, resolution) = rasterizer.Render(plan.Number, plan.WidthPoints, plan.HeightPoints);
        return ImageDecoder.Decode(png, resolution: resolution);
    }

    private static PageImageSource? TakeImage(PagePlan plan, PdfPages document)
    {
        try
        {
            return document.With(plan.Number, PageImageSource.TryFrom);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An image PdfPig cannot take out (or a reopening that fails) is left to poppler to render.
            return null;
        }
    }

    private sealed record PagePlan(int Number, string? Text, double WidthPoints, double HeightPoints, PageMethod Method = PageMethod.PdfTextLayer);
}
