using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction;

/// <summary>
/// read → normalise → extract, the one path every caller (CLI, worker, web) takes from a file to a record.
/// A file that cannot be processed comes back as a <see cref="PipelineFailure"/> with its kind, never as an
/// exception; only cancellation throws (<see cref="OperationCanceledException"/>), and it reaches Tesseract
/// mid-page.
/// </summary>
public sealed class ExtractionPipeline(DocumentReader reader, TextNormalizer normalizer, FieldExtractor extractor)
{
    // Accent-stripped, so that warming up takes the repair path too.
    private const string WarmUpText = "KE HOACH\nTo chuc thi dua\nCan cu Chi thi so 13/CT-UBND ngay 29/12/2020 cua Uy ban nhan dan tinh;\n";

    /// <summary>
    /// Which build of normaliser and extractor made a record's fields: the extraction assembly's module
    /// id, which a deterministic build changes exactly when that code changes. <c>reextract</c> uses it
    /// to tell records an older extractor made.
    /// </summary>
    public static string ExtractorVersion { get; } =
        "x1-" + typeof(FieldExtractor).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public static ExtractionPipeline Create(OcrEnginePool ocr) => new(new DocumentReader(ocr), new TextNormalizer(), new FieldExtractor());

    /// <summary>
    /// Loads the normaliser's lexicon and phrase dictionary and the field vocabularies (about half a
    /// second) on a spare thread, so that they are ready when the first page comes back from OCR.
    /// </summary>
    public Task WarmUpAsync() => Task.Run(() => extractor.Extract(normalizer.Normalize(WarmUpText)));

    public Task<PipelineResult<DocumentRecord>> ProcessAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(token => SourceFile.LoadAsync(path, token), Process, cancellationToken);

    /// <summary>Processes a stream the caller opened; <paramref name="name"/> is what the record and errors call it.</summary>
    public Task<PipelineResult<DocumentRecord>> ProcessAsync(Stream stream, string name, CancellationToken cancellationToken = default) =>
        RunAsync(token => SourceFile.LoadAsync(stream, name, token), Process, cancellationToken);

    public Task<PipelineResult<DocumentRecord>> ProcessAsync(SourceFile source, CancellationToken cancellationToken = default) =>
        RunAsync(_ => Task.FromResult(source), Process, cancellationToken);

    /// <summary>The first two stages alone: what extraction will see, with every change the normaliser made.</summary>
    public Task<PipelineResult<NormalizedDocument>> ReadAndNormalizeAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(token => SourceFile.LoadAsync(path, token), (_, normalized) => normalized, cancellationToken);

    /// <summary>
    /// Extraction run again over a stored record's page texts, without reading the file: over the
    /// normalised pages, or with <paramref name="renormalize"/> over the pages as read (for when the
    /// normaliser improved too).
    /// </summary>
    public DocumentRecord Reextract(DocumentRecord record, bool renormalize = false)
    {
        if (!renormalize && record.Pages.All(p => p.Normalized is not null))
        {
            return record with { Fields = WithPageWarnings(extractor.Extract(record.NormalizedText), record.Pages), ExtractorVersion = ExtractorVersion };
        }

        var normalized = Normalize(new ReadDocument(record.Source, record.Pages.Select(p => p with { Normalized = null }).ToList()));
        return Process(record.Source, normalized);
    }

    private async Task<PipelineResult<T>> RunAsync<T>(
        Func<CancellationToken, Task<SourceFile>> open,
        Func<SourceInfo, NormalizedDocument, T> finish,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var source = await open(cancellationToken).ConfigureAwait(false);
            var read = await reader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
            var normalized = Normalize(read);
            return PipelineResult<T>.Success(finish(read.Source, normalized));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DocumentReadException e)
        {
            return PipelineResult<T>.Failed(e.Kind, e.Message);
        }
        catch (Exception e) when (e is OcrUnavailableException or DllNotFoundException)
        {
            return PipelineResult<T>.Failed(FailureKind.EngineUnavailable, $"OCR unavailable: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            // Cancelled by something other than the caller (a time-out inside a library): try again later.
            return PipelineResult<T>.Failed(FailureKind.Transient, "timed out");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A field parser that throws on some document does so every time: set it aside, with the reason.
            return PipelineResult<T>.Failed(FailureKind.Permanent, $"extraction failed ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
        }
    }

    private DocumentRecord Process(SourceInfo source, NormalizedDocument normalized) =>
        new(source, normalized.Pages, WithPageWarnings(extractor.Extract(normalized.Text.Text), normalized.Pages))
        {
            ExtractorVersion = ExtractorVersion,
            NormalizerWarnings = NormalizerWarnings.From(normalized.Text),
        };

    // A page that could not be read is missing from the text the fields came from: the record says so first.
    private static ExtractedFields WithPageWarnings(ExtractedFields fields, IReadOnlyList<PageText> pages)
    {
        var unread = pages.Where(p => p.Error is not null).Select(p => $"page {p.Number}: not read ({p.Error}); fields on it are missing").ToList();
        return unread.Count == 0 ? fields : fields with { Warnings = [.. unread, .. fields.Warnings] };
    }

    private NormalizedDocument Normalize(ReadDocument read)
    {
        // The normaliser judges the whole document at once (whether it is accent-stripped, which encoding),
        // so it sees all pages joined; the page breaks survive it and split the result back into pages.
        var text = normalizer.Process(string.Join(DocumentRecord.PageBreak, read.Pages.Select(p => p.Text)));
        var pieces = text.Text.Split('\f');
        IReadOnlyList<PageText> pages;
        if (pieces.Length == read.Pages.Count)
        {
            pages = read.Pages.Select((p, i) => p with { Normalized = TrimBreak(pieces[i], i, pieces.Length) }).ToList();
        }
        else
        {
            // A page whose own text holds a form feed: normalise page by page instead, so that each page still gets its own text.
            pages = read.Pages.Select(p => p with { Normalized = normalizer.Normalize(p.Text) }).ToList();
        }

        return new NormalizedDocument(read, text, pages);
    }

    // Split on '\f' alone, each piece keeps the '\n' that PageBreak puts either side of it.
    private static string TrimBreak(string piece, int index, int count)
    {
        if (index > 0 && piece.StartsWith('\n'))
        {
            piece = piece[1..];
        }

        return index < count - 1 && piece.EndsWith('\n') ? piece[..^1] : piece;
    }
}

/// <summary>The read and normalise stages' answer: the pages as read and normalised, and the normaliser's full account.</summary>
public sealed record NormalizedDocument(ReadDocument Read, NormalizedText Text, IReadOnlyList<PageText> Pages);
