namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>What Tesseract made of one page.</summary>
/// <param name="Text">UTF-8 text as Tesseract returned it.</param>
/// <param name="Confidence">Mean word confidence, 0..1.</param>
/// <param name="RotationDegrees">Clockwise turn applied to make the page upright (0, 90, 180, 270).</param>
public sealed record OcrPageResult(string Text, double Confidence, int RotationDegrees);
