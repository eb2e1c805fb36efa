using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>A page after cleaning: the binary image for Tesseract and what was found on the way.</summary>
/// <param name="Image">1-bpp, upright within the deskew limit, at the working resolution.</param>
/// <param name="Seal">A red seal was found (and dropped out) on the page.</param>
/// <param name="Steps">What was done, for the record and for tuning ("scaled 1.50", "specks 812", …).</param>
internal sealed record CleanedPage(PixHandle Image, bool Seal, IReadOnlyList<string> Steps) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
