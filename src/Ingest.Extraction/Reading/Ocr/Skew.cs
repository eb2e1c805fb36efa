using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>When a page is skewed enough to straighten, and by how much: shared by the raw read and the cleaning.</summary>
internal static class Skew
{
    // Measured on the rendered seed pages: Tesseract reads a page skewed by up to about 1.5° better
    // as it is than after Leptonica's rotation (0.29% against 0.37% CER), and fails at 4° (62% CER).
    private const float MinDeskewDegrees = 1.5f;
    private const float MinSkewConfidence = 3.0f;

    /// <summary>The rotation (radians) that straightens a binary page skewed enough to hurt recognition, or null.</summary>
    public static float? Correction(PixHandle binary)
    {
        if (LeptonicaApi.pixFindSkew(binary, out var angle, out var confidence) != 0
            || confidence < MinSkewConfidence || Math.Abs(angle) < MinDeskewDegrees)
        {
            return null;
        }

        // pixFindSkew reports the angle that rotating by straightens the page.
        return (float)(angle * Math.PI / 180);
    }

    public static PixHandle Rotate(PixHandle page, float radians) =>
        Leptonica.Checked(LeptonicaApi.pixRotate(page, radians, LeptonicaApi.RotateAreaMap, LeptonicaApi.BringInWhite, 0, 0), "deskew");
}
