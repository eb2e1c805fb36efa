namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>One page could not be recognised (timeout, image operation failed).</summary>
public sealed class OcrPageException(string message) : Exception(message);
