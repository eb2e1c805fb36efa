using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>
/// The pages of one PDF, one caller at a time (PdfPig is not thread-safe), from a PdfPig document that is
/// opened again after every <see cref="PagesPerOpening"/> pages. PdfPig keeps every object it has parsed —
/// a scan's page images included — for the life of a document, so one document held over a 1,000-page
/// scan ends up holding every page image at once; reopened, it holds a few. A source on disk is read
/// through a file stream, so the file itself is never in memory whole either.
/// </summary>
internal sealed class PdfPages : IDisposable
{
    private const int PagesPerOpening = 16;

    private readonly SourceFile file;
    private readonly Lock gate = new();
    private Stream stream;
    private PdfDocument document;
    private int used;

    /// <summary>Opens the PDF; a file that is encrypted or cannot be parsed is a <see cref="DocumentReadException"/>.</summary>
    public PdfPages(SourceFile file)
    {
        this.file = file;
        (stream, document) = Open(file);
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return document.NumberOfPages;
            }
        }
    }

    /// <summary>What <paramref name="use"/> makes of page <paramref name="number"/> (1-based); nothing of the page may be kept past it.</summary>
    public T With<T>(int number, Func<Page, T> use)
    {
        lock (gate)
        {
            if (used == PagesPerOpening)
            {
                Close();
                (stream, document) = Open(file);
                used = 0;
            }

            used++;
            return use(document.GetPage(number));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }

    private void Close()
    {
        document.Dispose();
        stream.Dispose();
    }

    private static (Stream, PdfDocument) Open(SourceFile file)
    {
        var stream = file.OpenRead();
        try
        {
            return (stream, PdfDocument.Open(stream));
        }
        catch (PdfDocumentEncryptedException)
        {
            stream.Dispose();
            throw new DocumentReadException("encrypted PDF: it needs a password to open");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            stream.Dispose();
            throw new DocumentReadException($"malformed or truncated PDF ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
        }
    }
}
