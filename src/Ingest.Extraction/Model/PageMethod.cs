using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>Where a page's text came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageMethod>))]
public enum PageMethod
{
    /// <summary>A plain text file.</summary>
    [JsonStringEnumMemberName("text")] PlainText,

    /// <summary>The paragraphs of a DOCX.</summary>
    [JsonStringEnumMemberName("docx")] Docx,

    /// <summary>A PDF page's own text layer.</summary>
    [JsonStringEnumMemberName("pdf-text")] PdfTextLayer,

    /// <summary>A PDF text layer in a legacy 8-bit Vietnamese font encoding, converted to Unicode.</summary>
    [JsonStringEnumMemberName("pdf-text-converted")] PdfTextLayerConverted,

    /// <summary>Recognised by Tesseract.</summary>
    [JsonStringEnumMemberName("ocr")] Ocr,
}
