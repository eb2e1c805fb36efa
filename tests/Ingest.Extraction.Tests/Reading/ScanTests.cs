using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Model;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// The rendered scans of seeds 003 and 004 (testdata/scans/make-scans.sh) read through the real
/// Tesseract engine. Each scan's ground truth is the seed text it was rendered from.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class ScanTests(SharedOcr ocr)
{
    private const double MaxCharacterErrorRate = 0.01;

    [Theory]
    [InlineData("003-p1.png")]
    [InlineData("003-p3.png")]
    public async Task Png_page_reads_within_one_percent_character_error(string scan)
    {
        var page = await ReadSinglePageAsync(scan);

        Assert.Equal(PageMethod.Ocr, page.Method);
        Assert.InRange(page.Confidence!.Value, 0.8, 1.0);
        AssertCer(scan, page.Text);
    }

    [Fact]
    public async Task Jpeg_page_reads_within_one_percent_character_error()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", "003-p6.jpg"));

        Assert.Equal("image/jpeg", read.Source.MediaType);
        AssertCer("003-p6.jpg", Assert.Single(read.Pages).Text);
    }

    [Fact]
    public async Task Page_turned_a_quarter_reads_within_one_percent()
    {
        AssertCer("003-p2.png", (await ReadSinglePageAsync("003-p2.png")).Text);
    }

    [Fact]
    public async Task Upside_down_page_is_turned_and_reads_within_one_percent()
    {
        var page = await ReadSinglePageAsync("003-p6-upside-down.png");

        Assert.Equal(180, page.Rotation);
        AssertCer("003-p6-upside-down.png", page.Text);
    }

    [Fact]
    public async Task Multi_page_tiff_reads_every_page_in_order()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", "004.tif"));

        Assert.Equal("image/tiff", read.Source.MediaType);
        Assert.Equal(5, read.Source.Pages);
        Assert.Equal([1, 2, 3, 4, 5], read.Pages.Select(p => p.Number));
        Assert.True(read.Source.Ocr);
        AssertCer("004.tif", string.Join("\n", read.Pages.Select(p => p.Text)));
    }

    [Theory]
    [InlineData("004-ccitt.pdf")] // CCITT G4: rasterised by pdftoppm
    [InlineData("004-flate.pdf")] // Flate: decoded from the embedded image
    [InlineData("004-jbig2.pdf")] // JBIG2: rasterised by pdftoppm
    public async Task Image_only_pdf_is_ocred_whatever_the_image_encoding(string scan)
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", scan));

        var page = Assert.Single(read.Pages);
        Assert.Equal(PageMethod.Ocr, page.Method);
        AssertCer(scan, page.Text);
    }

    [Fact]
    public async Task Mixed_pdf_keeps_the_text_layer_and_ocrs_the_scanned_page()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", "mixed.pdf"));

        Assert.Equal([PageMethod.PdfTextLayer, PageMethod.Ocr], read.Pages.Select(p => p.Method));
        Assert.True(read.Source.Ocr);
        Assert.NotNull(read.Source.OcrConfidence);
        AssertCer("mixed.pdf", string.Join("\n", read.Pages.Select(p => p.Text)));
    }

    private async Task<PageText> ReadSinglePageAsync(string scan)
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", scan));
        return Assert.Single(read.Pages);
    }

    private static void AssertCer(string scan, string text)
    {
        var truth = File.ReadAllText(RepoPaths.TestData("scans", Path.ChangeExtension(scan, ".txt")));
        Assert.InRange(CharacterErrorRate.Compute(truth, text), 0, MaxCharacterErrorRate);
    }
}
