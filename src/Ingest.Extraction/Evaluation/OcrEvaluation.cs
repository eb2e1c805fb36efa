using PlanIngest.Extraction.Reading;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Measures OCR against ground truth: every scan in a folder that has a <c>NAME.txt</c> beside it
/// is read through the pipeline's reader and, for comparison, through the plain <c>tesseract</c> command.
/// </summary>
public sealed class OcrEvaluation(DocumentReader reader, string languages)
{
    private static readonly string[] ScanExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"];

    public static IReadOnlyList<(string Scan, string Truth)> FindPairs(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => ScanExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => (Scan: f, Truth: Path.ChangeExtension(f, ".txt")))
            .Where(pair => File.Exists(pair.Truth))
            .OrderBy(pair => pair.Scan, StringComparer.Ordinal)
            .ToList();

    public async Task<OcrScore> ScoreAsync(string scan, string truthPath, bool withTesseract, CancellationToken cancellationToken)
    {
        var truth = await File.ReadAllTextAsync(truthPath, cancellationToken).ConfigureAwait(false);
        var read = await reader.ReadAsync(scan, cancellationToken).ConfigureAwait(false);
        var ours = string.Join("\n", read.Pages.Select(p => p.Text));
        double? theirs = null;
        if (withTesseract && Path.GetExtension(scan) is not ".pdf")
        {
            theirs = CharacterErrorRate.Compute(truth, await PlainTesseract.ReadAsync(scan, languages, cancellationToken).ConfigureAwait(false));
        }

        return new OcrScore(
            Path.GetFileName(scan),
            read.Pages.Count,
            CharacterErrorRate.Canonical(truth).Length,
            CharacterErrorRate.Compute(truth, ours),
            theirs,
            read.Pages.Select(p => p.Rotation ?? 0).ToList());
    }
}

/// <summary>One scan's result: our CER, the plain command's, and the rotation each page needed.</summary>
public sealed record OcrScore(string File, int Pages, int TruthCharacters, double Cer, double? TesseractCer, IReadOnlyList<int> Rotations);
