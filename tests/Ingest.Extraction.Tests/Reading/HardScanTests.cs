using PlanIngest.Extraction.Evaluation;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// The figures of issue 12 on the committed hard-scan fixtures (testdata/hard), with the real engine
/// and the plain tesseract command beside it. Limits sit one point from what was measured (README,
/// Measurements) or at the target where that is tighter.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class HardScanTests(SharedOcr ocr)
{
    private readonly HardScanEvaluation evaluation = new(ocr.Reader, ocr.Pool.Options.Languages);

    [Fact]
    public async Task Photocopies_read_at_under_two_percent_and_at_most_half_of_plain_tesseracts_errors()
    {
        // Measured: 0.35% (tesseract 22%) over pc-1 … pc-4.
        var (ours, theirs) = await CerAsync("photocopy");

        Assert.True(ours <= 0.0135, $"photocopy CER {ours:P2}");
        Assert.True(ours <= theirs / 2, $"photocopy CER {ours:P2} not half of tesseract's {theirs:P2}");
    }

    [Fact]
    public async Task Faxes_with_dense_specks_read_at_under_six_percent_and_at_most_half_of_plain_tesseracts_errors()
    {
        // Measured: 2.9% (tesseract 31%) over fx-1 … fx-4.
        var (ours, theirs) = await CerAsync("fax");

        Assert.True(ours <= 0.039, $"fax CER {ours:P2}");
        Assert.True(ours <= theirs / 2, $"fax CER {ours:P2} not half of tesseract's {theirs:P2}");
    }

    [Fact]
    public async Task The_signer_under_a_red_seal_is_read_on_at_least_three_of_four_pages()
    {
        var pages = Pages("seal");
        Assert.Equal(4, pages.Count);

        var scores = await Task.WhenAll(pages.Select(p => evaluation.ScoreAsync(p, withTesseract: false, CancellationToken.None)));

        Assert.All(scores, s => Assert.True(s.Seal, $"{s.File}: seal not noticed"));
        Assert.True(scores.Count(s => s.SignerRight == true) >= 3,
            string.Join("; ", scores.Select(s => $"{s.File}: {s.Signer?.Title} / {s.Signer?.Name}")));
    }

    [Fact]
    public async Task Clean_pages_have_a_fifth_fewer_errors_than_plain_tesseract_and_none_is_worse()
    {
        // Measured on cl-1 … cl-3 (held out, never tuned on): 16 errors against 24.
        var scores = await Task.WhenAll(Pages("clean").Select(p => evaluation.ScoreAsync(p, withTesseract: true, CancellationToken.None)));

        Assert.All(scores, s => Assert.True(s.Errors <= s.TesseractErrors, $"{s.File}: {s.Errors} errors, tesseract {s.TesseractErrors}"));
        Assert.All(scores, s => Assert.Equal("raw", s.Image));
        var ours = scores.Sum(s => s.Errors);
        var theirs = scores.Sum(s => s.TesseractErrors!.Value);
        Assert.True(ours <= 0.8 * theirs, $"{ours} errors against tesseract's {theirs}");
    }

    private async Task<(double Ours, double Theirs)> CerAsync(string level)
    {
        var pages = Pages(level);
        Assert.Equal(4, pages.Count);
        var scores = await Task.WhenAll(pages.Select(p => evaluation.ScoreAsync(p, withTesseract: true, CancellationToken.None)));
        Assert.All(scores, s => Assert.Equal("cleaned", s.Image));
        var characters = (double)scores.Sum(s => s.TruthCharacters);
        return (scores.Sum(s => s.Errors) / characters, scores.Sum(s => s.TesseractErrors!.Value) / characters);
    }

    private static List<HardPage> Pages(string level) =>
        HardScanEvaluation.FindPages(RepoPaths.TestData("hard")).Where(p => p.Level == level).ToList();
}
