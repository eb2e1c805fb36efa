using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The bounds of the repair, measured by the same code as <c>planingest eval-repair</c>: on the pairs it was
/// tuned on (testdata/repair) and on held-out pairs it never was (testdata/repair/heldout). Floors are the
/// measured figures minus one point (README, "Repair").
/// </summary>
public sealed class RepairEvaluationTests
{
    private static readonly RepairScore Tuned = Score(TestData.Path("repair"));

    private static readonly RepairScore HeldOut = Score(TestData.Path("repair", "heldout"));

    [Fact]
    public void ThereArePairsWithHeaders()
    {
        Assert.True(Tuned.Before.Words > 8000);
        Assert.True(Tuned.Before.HeaderWords > 600);
        Assert.True(HeldOut.Before.Words > 1600);
    }

    [Fact]
    public void FoldedSyllableAccuracyOnTheTunedPairsIsAtLeast97_2Percent()
    {
        Assert.True(Tuned.After.FoldedAccuracy >= 0.972, $"folded accuracy {Tuned.After.FoldedAccuracy:P2} (before {Tuned.Before.FoldedAccuracy:P2})");
        Assert.True(Tuned.After.FoldedAccuracy > Tuned.Before.FoldedAccuracy);
    }

    [Fact]
    public void HeaderWordsOfTheTunedPairsHaveTheirDiacriticsRestoredExactlyAtLeast95_3Percent() =>
        Assert.True(Tuned.After.HeaderExactAccuracy >= 0.953, $"header exact {Tuned.After.HeaderExactAccuracy:P2}");

    [Fact]
    public void FoldedSyllableAccuracyOnHeldOutPairsIsAtLeast95_7Percent() =>
        Assert.True(HeldOut.After.FoldedAccuracy >= 0.957, $"held-out folded accuracy {HeldOut.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfHeldOutPairsAreExactForAtLeast77_8PercentOfWords() =>
        Assert.True(HeldOut.After.ExactAccuracy >= 0.778, $"held-out exact {HeldOut.After.ExactAccuracy:P2}");

    [Fact]
    public void ScoringCleanTextAgainstItselfIsPerfect()
    {
        const string clean = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 4088/KH-UBND\nKẾ HOẠCH\nTriển khai thực hiện\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";
        var score = RepairEvaluation.Score("self", clean, clean, clean);

        Assert.Equal(1.0, score.After.FoldedAccuracy);
        Assert.Equal(1.0, score.After.ExactAccuracy);
        Assert.Equal(19, score.After.HeaderWords);
    }

    private static RepairScore Score(string folder) =>
        RepairEvaluation.Total(RepairEvaluation.FindPairs(folder).Select(p => RepairEvaluation.ScoreFolder(p, new TextNormalizer().Normalize)));
}
