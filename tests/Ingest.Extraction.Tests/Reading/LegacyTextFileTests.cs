using System.Text;
using PlanIngest.Extraction.Tests.Text;
using PlanIngest.Extraction.Text;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// 8-bit files of legacy Vietnamese editors (testdata/legacy, made by make_legacy.py from our own Unicode
/// texts) come back exactly, curly quotes and dashes included: the bytes are read as Windows-1252, not Latin-1.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class LegacyTextFileTests(SharedOcr ocr)
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Theory]
    [InlineData("tcvn3-cong-van", LegacyEncoding.Tcvn3)]
    [InlineData("vni-thong-bao", LegacyEncoding.Vni)]
    public async Task Legacy_file_with_curly_quotes_and_dashes_converts_exactly(string name, LegacyEncoding encoding)
    {
        var expected = (await File.ReadAllTextAsync(RepoPaths.TestData("legacy", name + ".unicode.txt"))).Normalize(NormalizationForm.FormC);
        Assert.Contains('“', expected);
        Assert.Contains('–', expected);

        var read = await ocr.Reader.ReadAsync(RepoPaths.TestData("legacy", name + ".txt"));
        var result = new TextNormalizer().Process(read.Pages.Single().Text);

        Assert.DoesNotContain(read.Pages[0].Text, c => c is >= '\u0080' and <= '\u009F');
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal(expected, result.Text);
        Assert.Contains($"text: converted from the legacy {encoding} encoding", result.Warnings);
    }

    [Theory]
    [InlineData("tcvn3-cong-van")]
    [InlineData("vni-thong-bao")]
    public async Task The_committed_bytes_are_what_an_independent_encoder_makes_of_the_text(string name)
    {
        // make_legacy.py and the tests' TestEncoders were written apart from each other and from the product.
        var unicode = (await File.ReadAllTextAsync(RepoPaths.TestData("legacy", name + ".unicode.txt"))).Normalize(NormalizationForm.FormC);
        var encoded = name.StartsWith("tcvn3", StringComparison.Ordinal) ? TestEncoders.Tcvn3(unicode) : TestEncoders.Vni(unicode);

        Assert.Equal(Windows1252.GetBytes(encoded), await File.ReadAllBytesAsync(RepoPaths.TestData("legacy", name + ".txt")));
    }

    [Fact]
    public void The_same_bytes_read_as_latin1_are_still_converted_exactly()
    {
        // A caller that decoded the file as Latin-1 hands over C1 controls for the quotes and dashes.
        var bytes = File.ReadAllBytes(RepoPaths.TestData("legacy", "vni-thong-bao.txt"));
        var expected = File.ReadAllText(RepoPaths.TestData("legacy", "vni-thong-bao.unicode.txt")).Normalize(NormalizationForm.FormC);

        Assert.Equal(expected, new TextNormalizer().Normalize(Encoding.Latin1.GetString(bytes)));
    }

    [Fact]
    public async Task A_plain_text_file_with_legacy_font_damage_is_repaired_and_its_record_says_so()
    {
        // Plain text is judged like a PDF text layer, but there is no page to OCR instead: repaired and warned.
        const string damaged = "Ủy ban nhân dân huyện báo cáo: năm 2023 đã hồn thành 12 cơng trình giao thơng nơng thơn; " +
            "cơng tác quản lý đơ thị cịn nhiều hạn chế, một số cơng trình cịn chậm tiến độ.";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(damaged));

        var record = (await ExtractionPipeline.Create(ocr.Pool).ProcessAsync(stream, "inbox/bao-cao.txt")).Value!;

        Assert.Contains("đã hoàn thành 12 công trình giao thông nông thôn", record.Pages[0].Normalized);
        Assert.Contains(record.NormalizerWarnings, w => w.Contains("damaged by a legacy font", StringComparison.Ordinal));
    }
}
