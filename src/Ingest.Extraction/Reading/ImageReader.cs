using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Extraction.Reading;

/// <summary>PNG, JPEG and (multi-page) TIFF scans, every page OCRed.</summary>
internal sealed class ImageReader(OcrEnginePool ocr) : IPageReader
{
    public async Task<IReadOnlyList<PageText>> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var kindName = file.Kind.ToString().ToUpperInvariant();
        if (file.Bytes.Length < 16)
        {
            throw new DocumentReadException($"{kindName} is truncated ({file.Bytes.Length} bytes)");
        }

        ImageDecoder.CheckHeader(file.Bytes, kindName);
        var pageCount = file.Kind == ContentKind.Tiff ? TiffPageCounter.Count(file.Bytes) : 1;
        if (pageCount == 0)
        {
            throw new DocumentReadException("TIFF has no readable pages");
        }

        var pages = Enumerable.Range(0, pageCount).Select(index =>
        {
            int? tiffPage = file.Kind == ContentKind.Tiff ? index : null;
            return PageOcr.RecognizeAsync(ocr, index + 1, () => ImageDecoder.Decode(file.Bytes, tiffPage), cancellationToken);
        });
        return await Task.WhenAll(pages).ConfigureAwait(false);
    }
}
