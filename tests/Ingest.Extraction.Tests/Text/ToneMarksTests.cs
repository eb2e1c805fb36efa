using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

public sealed class ToneMarksTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Uỷ ban", "Ủy ban")]
    [InlineData("thuý", "thúy")]
    [InlineData("văn hoá", "văn hóa")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("UỶ BAN", "ỦY BAN")]
    public void OldStylePlacementBecomesNewStyle(string old, string canonical) => Assert.Equal(canonical, ToneMarks.Canonicalize(old));

    [Theory]
    [InlineData("quý")]
    [InlineData("hoàn thành")]
    [InlineData("hòa")]
    [InlineData("thuyền")]
    [InlineData("Ủy ban nhân dân")]
    public void NewStyleAndUnambiguousWordsAreUnchanged(string word) => Assert.Equal(word, ToneMarks.Canonicalize(word));

    [Fact]
    public void NormalizerKeepsTheDocumentsOwnPlacement()
    {
        var text = TestData.Seed("003");
        Assert.Contains("Uỷ ban", text);

        Assert.Contains("Uỷ ban", new TextNormalizer().Normalize(text));
        Assert.Contains("Ủy ban", new TextNormalizer().Process(text).Canonical);
    }

    [Fact]
    public void BothPlacementsFoldAlike() => Assert.Equal(TextFolding.Fold("Uỷ ban văn hoá"), TextFolding.Fold("Ủy ban văn hóa"));
}
