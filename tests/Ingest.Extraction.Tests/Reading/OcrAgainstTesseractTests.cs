using PlanIngest.Extraction.Evaluation;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// Our OCR is no worse than the plain tesseract command, page by page, on the upright rendered pages. A page
/// the plain command cannot read (turned 180°: 83.7% CER) is no comparison and would give the others slack;
/// turned pages are held to an absolute bound in ScanTests instead.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OcrAgainstTesseractTests(SharedOcr ocr)
{
    // Upright single-page scans of seed 003 (manifest.tsv): 003-p2 is turned 90°, 003-p6-upside-down 180°.
    private static readonly string[] UprightPages = ["003-p1.png", "003-p3.png", "003-p4.png", "003-p5.png", "003-p6.png", "003-p6.jpg"];

    [Fact]
    public async Task Every_upright_page_reads_at_least_as_well_as_with_the_plain_command()
    {
        var scores = await ScoreAsync(UprightPages, withTesseract: true);

        var worse = scores.Where(s => s.Cer > s.TesseractCer!.Value).Select(s => $"{s.File}: {s.Cer:P3} against tesseract's {s.TesseractCer:P3}").ToList();
        Assert.True(worse.Count == 0, string.Join("; ", worse));
        Assert.All(scores, s => Assert.True(s.Cer <= 0.01, $"{s.File}: CER {s.Cer:P2} over 1%"));
    }

    private async Task<OcrScore[]> ScoreAsync(string[] names, bool withTesseract)
    {
        var evaluation = new OcrEvaluation(ocr.Reader, ocr.Pool.Options.Languages);
        var pairs = OcrEvaluation.FindPairs(RepoPaths.TestData("scans")).Where(p => names.Contains(Path.GetFileName(p.Scan))).ToList();
        Assert.Equal(names.Length, pairs.Count);
        return await Task.WhenAll(pairs.Select(p => evaluation.ScoreAsync(p.Scan, p.Truth, withTesseract, CancellationToken.None)));
    }
}
