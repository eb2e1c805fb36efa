namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>The OCR engine could not be set up (missing library or language data): nothing can be OCRed.</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);
