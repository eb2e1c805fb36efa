using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>The confusions of DESIGN §2 are cheap; unrelated words are not.</summary>
public sealed class OcrConfusionModelTests
{
    [Theory]
    [InlineData("pang", "dang")]
    [InlineData("s6", "so")]
    [InlineData("ctia", "cua")]
    [InlineData("cir", "cu")]
    [InlineData("ndm", "nam")]
    [InlineData("thdang", "thang")]
    [InlineData("1an", "lan")]
    [InlineData("twong", "tuong")]
    [InlineData("quédc", "quoc")]
    [InlineData("k&", "ke")]
    [InlineData("tﬁng", "tang")]
    [InlineData("thu'c", "thuc")]
    public void SystematicConfusionsAreCheap(string read, string folded) => Assert.True(OcrConfusionModel.Cost(read, folded) <= 0.8, $"{read} → {folded}: {OcrConfusionModel.Cost(read, folded)}");

    [Theory]
    [InlineData("hé", "ho", 0.25)]   // é for ộ: the English model's é stands for a hatted or horned o 3 times in 10
    [InlineData("ty", "uy", 0.25)]   // Ủy read as Ty
    [InlineData("duc", "duoc", 0.35)] // được read with its ơ lost
    [InlineData("hep", "hop", 0.35)]  // a plain e for ợ
    [InlineData("cha", "cua", 0.55)]  // ủ read as h
    public void ConfusionsCountedOnTheRepairPairsAreCheap(string read, string folded, double atMost) =>
        Assert.True(OcrConfusionModel.Cost(read, folded) <= atMost, $"{read} → {folded}: {OcrConfusionModel.Cost(read, folded)}");

    [Theory]
    [InlineData("hién", "hien")]
    [InlineData("dang", "dang")]
    public void AWordThatFoldsToTheSyllableCostsNothing(string read, string folded) => Assert.Equal(0, OcrConfusionModel.Cost(read, folded));

    [Theory]
    [InlineData("website", "viet")]
    [InlineData("xzq", "nam")]
    public void UnrelatedWordsAreFar(string read, string folded) => Assert.True(OcrConfusionModel.Cost(read, folded) > 1.0);

    [Fact]
    public void CandidatesComeNearestFirstAndIncludeTheRightSyllable()
    {
        var candidates = SyllableCandidates.Shared.For("ctia");

        Assert.Contains(candidates, c => c.Folded == "cua");
        Assert.Equal(candidates.OrderBy(c => c.Cost).Select(c => c.Cost), candidates.Select(c => c.Cost));
    }

    [Fact]
    public void TrieSearchAgreesWithTheDirectCost()
    {
        foreach (var read in new[] { "thdang", "nhlem", "chifc", "dugc", "mdi" })
        {
            foreach (var candidate in SyllableCandidates.Shared.For(read))
            {
                Assert.Equal(OcrConfusionModel.Cost(read, candidate.Folded), candidate.Cost, 6);
            }
        }
    }
}
