using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>The bounds of the repair, measured by the same code as <c>planingest eval-repair</c> on testdata/repair.</summary>
public sealed class RepairEvaluationTests
{
    private static readonly RepairScore Total = RepairEvaluation.Total(
        RepairEvaluation.FindPairs(TestData.Path("repair")).Select(p => RepairEvaluation.ScoreFolder(p, new TextNormalizer().Normalize)));

    [Fact]
    public void ThereArePairsWithHeaders()
    {
        Assert.True(Total.Before.Words > 1000);
        Assert.True(Total.Before.HeaderWords > 100);
    }

    [Fact]
    public void FoldedSyllableAccuracyAfterRepairIsAtLeast97Percent()
    {
        Assert.True(Total.After.FoldedAccuracy >= 0.97, $"folded accuracy {Total.After.FoldedAccuracy:P2} (before {Total.Before.FoldedAccuracy:P2})");
        Assert.True(Total.After.FoldedAccuracy > Total.Before.FoldedAccuracy);
    }

    [Fact]
    public void HeaderWordsHaveTheirDiacriticsRestoredExactlyAtLeast90Percent() =>
        Assert.True(Total.After.HeaderExactAccuracy >= 0.90, $"header exact {Total.After.HeaderExactAccuracy:P2}");

    [Fact]
    public void ScoringCleanTextAgainstItselfIsPerfect()
    {
        const string clean = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 4088/KH-UBND\nKẾ HOẠCH\nTriển khai thực hiện\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";
        var score = RepairEvaluation.Score("self", clean, clean, clean);

        Assert.Equal(1.0, score.After.FoldedAccuracy);
        Assert.Equal(1.0, score.After.ExactAccuracy);
        Assert.Equal(19, score.After.HeaderWords);
    }
}
