using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using UglyToad.PdfPig;
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
        using var rasterizer = new PageRasterizer(file.Bytes);
        // PdfPig is not thread-safe: everything it must do happens here, in order; only decoding and OCR run in parallel.
        var plans = Plan(file.Bytes);
        var pages = plans.Select(plan => plan.Text is { } text
            ? Task.FromResult(new PageText(plan.Number, text, plan.Method))
            : PageOcr.RecognizeAsync(ocr, plan.Number, () => Decode(plan, rasterizer), cancellationToken));
        return await Task.WhenAll(pages).ConfigureAwait(false);
    }

    private static List<PagePlan> Plan(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages == 0)
            {
                throw new DocumentReadException("PDF has no pages");
            }

            var plans = new List<PagePlan>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                var text = ContentOrderTextExtractor.GetText(page);
                plans.Add(TextLayerQuality.Judge(text) is { } layer
                    ? new PagePlan(number, layer.Text, null, page.Width, page.Height, layer.Method)
                    : new PagePlan(number, null, PageImageSource.TryFrom(page), page.Width, page.Height));
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

    private static Ocr.Native.PixHandle Decode(PagePlan plan, PageRasterizer rasterizer)
    {
        if (plan.Image is { } image)
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

    private sealed record PagePlan(int Number, string? Text, PageImageSource? Image, double WidthPoints, double HeightPoints, PageMethod Method = PageMethod.PdfTextLayer);
}
