using System.Text;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Tests.Reading;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

[Collection(OcrCollection.Name)]
public sealed class TextInputTests(SharedOcr ocr)
{
    [Fact]
    public async Task Clean_unicode_text_keeps_its_diacritics()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("seeds", "003_18ac981a5225b00c.txt"));

        Assert.Equal("text/plain", read.Source.MediaType);
        Assert.False(read.Source.Ocr);
        Assert.Null(read.Source.OcrConfidence);
        var page = Assert.Single(read.Pages);
        Assert.Equal(PageMethod.PlainText, page.Method);
        Assert.Contains("Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn".Normalize(NormalizationForm.FormC), Canonical(page.Text));
    }

    [Fact]
    public async Task Accent_stripped_ocr_text_is_read_as_it_is()
    {
        var path = RepoPaths.TestData("seeds", "000_7ba60b1bc562e18d.txt");
        var read = await ocr.Reader.ReadAsync(path);

        Assert.StartsWith("UY BANMTTQ VIETNAM", read.Pages[0].Text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), read.Source.Sha256);
    }

    [Fact]
    public async Task Text_that_is_not_utf8_is_kept_byte_for_byte_for_the_legacy_encoding_converter()
    {
        // "Keá hoaïch" is how a VNI-encoded "Kế hoạch" reads as Latin-1.
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "vni.txt");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("Keá hoaïch\n"));

        var read = await ocr.Reader.ReadAsync(path);

        Assert.Equal("Keá hoaïch\n", read.Pages[0].Text);
    }

    [Fact]
    public async Task Docx_paragraphs_and_header_table_are_read_in_order_with_diacritics()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", "004.docx"));

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", read.Source.MediaType);
        var text = Canonical(read.Pages.Single().Text);
        var seed = Canonical(await File.ReadAllTextAsync(RepoPaths.TestData("seeds", "004_f85f75833570a4c3.txt")));
        Assert.Equal(seed, text);
    }

    [Fact]
    public async Task Pdf_text_layer_is_used_without_ocr()
    {
        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("scans", "004-text.pdf"));

        Assert.False(read.Source.Ocr);
        Assert.True(read.Pages.Count > 1);
        Assert.All(read.Pages, p => Assert.Equal(PageMethod.PdfTextLayer, p.Method));
        Assert.Contains("phong trào thi đua yêu nước", Canonical(string.Join(" ", read.Pages.Select(p => p.Text))));
    }

    internal static string Canonical(string text) => string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
