using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction;

/// <summary>
/// read → normalise → extract, the one path every caller (CLI, worker, web) takes from a file to a record.
/// </summary>
public sealed class ExtractionPipeline(DocumentReader reader, TextNormalizer normalizer, FieldExtractor extractor)
{
    // Accent-stripped, so that warming up takes the repair path too.
    private const string WarmUpText = "KE HOACH\nTo chuc thi dua\nCan cu Chi thi so 13/CT-UBND ngay 29/12/2020 cua Uy ban nhan dan tinh;\n";

    public static ExtractionPipeline Create(OcrEnginePool ocr) => new(new DocumentReader(ocr), new TextNormalizer(), new FieldExtractor());

    /// <summary>
    /// Loads the normaliser's lexicon and phrase dictionary and the field vocabularies (about half a
    /// second) on a spare thread, so that they are ready when the first page comes back from OCR.
    /// </summary>
    public Task WarmUpAsync() => Task.Run(() => extractor.Extract(normalizer.Normalize(WarmUpText)));

    /// <exception cref="DocumentReadException">The file cannot be read; the message says why.</exception>
    public async Task<DocumentRecord> ProcessAsync(string path, CancellationToken cancellationToken = default)
    {
        var (read, text) = await ReadAndNormalizeAsync(path, cancellationToken).ConfigureAwait(false);
        return new DocumentRecord(read.Source, read.Pages, extractor.Extract(text.Text));
    }

    /// <summary>The first two stages alone: what extraction will see, with every change the normaliser made.</summary>
    /// <exception cref="DocumentReadException">The file cannot be read; the message says why.</exception>
    public async Task<(ReadDocument Read, NormalizedText Text)> ReadAndNormalizeAsync(string path, CancellationToken cancellationToken = default)
    {
        var read = await reader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        // A form feed between pages keeps page breaks visible to the parsers without joining two pages' lines.
        return (read, normalizer.Process(string.Join("\n\f\n", read.Pages.Select(p => p.Text))));
    }
}
