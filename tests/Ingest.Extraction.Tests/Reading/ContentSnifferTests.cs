using PlanIngest.Extraction.Reading;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("scans/003-p1.png", ContentKind.Png)]
    [InlineData("scans/004.tif", ContentKind.Tiff)]
    [InlineData("scans/004-text.pdf", ContentKind.Pdf)]
    [InlineData("scans/004.docx", ContentKind.Docx)]
    [InlineData("seeds/000_7ba60b1bc562e18d.txt", ContentKind.Text)]
    [InlineData("bad/png-named.pdf", ContentKind.Png)]
    [InlineData("bad/random.bin", ContentKind.Unknown)]
    public void Kind_comes_from_the_bytes_not_the_name(string file, ContentKind expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(File.ReadAllBytes(RepoPaths.TestData(file.Split('/')))));
    }
}
