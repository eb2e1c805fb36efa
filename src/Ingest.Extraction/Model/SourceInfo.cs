namespace PlanIngest.Extraction.Model;

/// <summary>The file a record was read from (CONTRACT.md §1 <c>source</c>).</summary>
/// <param name="Path">The path as it was given.</param>
/// <param name="Sha256">Lower-case hex digest of the file's bytes; identifies the original.</param>
/// <param name="MediaType">What the content is, judged from its bytes rather than its name.</param>
/// <param name="Pages">Pages read (1 for plain text and DOCX).</param>
/// <param name="Ocr">Whether any page was recognised by OCR.</param>
/// <param name="OcrConfidence">Mean OCR confidence over the OCRed pages, 0..1; null when nothing was OCRed.</param>
public sealed record SourceInfo(string Path, string Sha256, string MediaType, int Pages, bool Ocr, double? OcrConfidence);
