using PlanIngest.Extraction.Evaluation;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>Our OCR is no worse than the plain tesseract command on the same rendered pages.</summary>
[Collection(OcrCollection.Name)]
public sealed class OcrAgainstTesseractTests(SharedOcr ocr)
{
    [Fact]
    public async Task Character_error_rate_over_the_png_pages_is_at_most_the_plain_commands()
    {
        var evaluation = new OcrEvaluation(ocr.Reader, ocr.Pool.Options.Languages);
        var pairs = OcrEvaluation.FindPairs(RepoPaths.TestData("scans"))
            .Where(p => Path.GetFileName(p.Scan).StartsWith("003-p", StringComparison.Ordinal) && p.Scan.EndsWith(".png", StringComparison.Ordinal))
            .ToList();
        Assert.True(pairs.Count >= 6);

        var scores = await Task.WhenAll(pairs.Select(p => evaluation.ScoreAsync(p.Scan, p.Truth, withTesseract: true, CancellationToken.None)));

        var characters = scores.Sum(s => s.TruthCharacters);
        var ours = scores.Sum(s => s.Cer * s.TruthCharacters) / characters;
        var theirs = scores.Sum(s => s.TesseractCer!.Value * s.TruthCharacters) / characters;
        Assert.True(ours <= 0.01, $"CER {ours:P2} over 1%");
        Assert.True(ours <= theirs, $"CER {ours:P3} worse than plain tesseract's {theirs:P3}");
    }
}
