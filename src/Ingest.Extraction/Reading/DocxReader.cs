using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Reading;

/// <summary>The paragraphs of a Word document in reading order, table cells included (headers are often a two-column table).</summary>
internal sealed class DocxReader : IPageReader
{
    public Task<IReadOnlyList<PageText>> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException("DOCX has no document body");
            text = string.Join('\n', body.Descendants<Paragraph>().Select(ParagraphText));
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException)
        {
            throw new DocumentReadException($"malformed DOCX: {e.Message}", e);
        }

        IReadOnlyList<PageText> pages = [new PageText(1, text, PageMethod.Docx)];
        return Task.FromResult(pages);
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
