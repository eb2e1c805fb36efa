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
}
