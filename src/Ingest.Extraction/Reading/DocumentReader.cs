using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Reading.Pdf;

namespace PlanIngest.Extraction.Reading;

/// <summary>The read stage: any supported file in, page texts out. Bad input fails with a <see cref="DocumentReadException"/>.</summary>
public sealed class DocumentReader
{
    private readonly IPageReader text = new PlainTextReader();
    private readonly IPageReader docx = new DocxReader();
    private readonly IPageReader image;
    private readonly IPageReader pdf;

    public DocumentReader(OcrEnginePool ocr)
    {
        image = new ImageReader(ocr);
        pdf = new PdfReader(ocr);
    }

    public async Task<ReadDocument> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        await ReadAsync(await SourceFile.LoadAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Reads an opened source; its <see cref="SourceFile.Path"/> is the name the record keeps.</summary>
    public async Task<ReadDocument> ReadAsync(SourceFile file, CancellationToken cancellationToken = default)
    {
        CheckNameAgreesWithContent(file);
        var reader = file.Kind switch
        {
            ContentKind.Pdf => pdf,
            ContentKind.Png or ContentKind.Jpeg or ContentKind.Tiff => image,
            ContentKind.Docx => docx,
            ContentKind.Text => text,
            _ => throw new DocumentReadException("unsupported content: not a PDF, PNG, JPEG, TIFF, DOCX or text file"),
        };
        var pages = await ReadPagesAsync(reader, file, cancellationToken).ConfigureAwait(false);
        PageOcr.ThrowIfNoneRead(pages);
        var ocrConfidences = pages.Where(p => p.Confidence is not null).Select(p => p.Confidence!.Value).ToList();
        var source = new SourceInfo(
            file.Path,
            file.Sha256,
            file.MediaType,
            pages.Count,
            ocrConfidences.Count > 0,
            ocrConfidences.Count > 0 ? Math.Round(ocrConfidences.Average(), 3) : null);
        return new ReadDocument(source, pages);
    }

    /// <summary>
    /// Each reader turns the failures it knows into reasons; anything else a malformed file provokes
    /// in a parsing library still becomes one line about that file, never a crash of the whole run.
    /// </summary>
    private static async Task<IReadOnlyList<PageText>> ReadPagesAsync(IPageReader reader, SourceFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (DocumentReadException or OperationCanceledException or OcrUnavailableException or DllNotFoundException or OutOfMemoryException))
        {
            throw new DocumentReadException($"could not be read as {file.Kind.ToString().ToUpperInvariant()} ({e.GetType().Name}: {e.Message.Split('\n')[0]})", e);
        }
    }

    // A file whose name promises one format and whose bytes are another was mislabelled or
    // tampered with somewhere upstream; an archivist should look at it rather than have it guessed at.
    private static void CheckNameAgreesWithContent(SourceFile file)
    {
        if (ContentSniffer.KindFromName(file.Path) is not { } promised || promised == file.Kind)
        {
            return;
        }

        var actual = file.Kind == ContentKind.Unknown ? "unrecognised data" : $"{file.Kind.ToString().ToUpperInvariant()} content";
        throw new DocumentReadException($"name says {promised.ToString().ToUpperInvariant()} but the file holds {actual}");
    }
}
