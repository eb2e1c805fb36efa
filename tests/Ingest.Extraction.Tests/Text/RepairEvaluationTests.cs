using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The bounds of the repair, measured by the same code as <c>planingest eval-repair</c>: on the pairs it was
/// tuned on (testdata/repair; testdata/repair/heldout, held out until round 3 and tuned on since) and on the pairs
/// it never was (testdata/repair/heldout2). Floors are the measured figures minus one point (README, "Repair"); the
/// tuned pairs' floors are the older ones, since the language model's corpus now holds their clean halves.
/// </summary>
public sealed class RepairEvaluationTests
{
    private static readonly RepairScore Tuned = Score(TestData.Path("repair"));

    private static readonly RepairScore HeldOut = Score(TestData.Path("repair", "heldout"));

    private static readonly RepairScore Untuned = Score(TestData.Path("repair", "heldout2"));

    [Fact]
    public void ThereArePairsWithHeaders()
    {
        Assert.True(Tuned.Before.Words > 8000);
        Assert.True(Tuned.Before.HeaderWords > 600);
        Assert.True(HeldOut.Before.Words > 1600);
        Assert.True(Untuned.Before.Words > 3000);
    }

    // Measured 98.10% at its second (final) run, 97.19% at its first, before round 3 (testdata/repair/heldout2/*.txt).
    [Fact]
    public void FoldedSyllableAccuracyOnPairsNeverTunedOnIsAtLeast97_1Percent()
    {
        Assert.True(Untuned.After.FoldedAccuracy >= 0.971, $"untuned folded accuracy {Untuned.After.FoldedAccuracy:P2}");
        Assert.True(Untuned.After.FoldedAccuracy > Untuned.Before.FoldedAccuracy + 0.15);
    }

    // Measured 90.91% (83.75% at the first run).
    [Fact]
    public void DiacriticsOfPairsNeverTunedOnAreExactForAtLeast89_9PercentOfWords() =>
        Assert.True(Untuned.After.ExactAccuracy >= 0.899, $"untuned exact {Untuned.After.ExactAccuracy:P2}");

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
    public void FoldedSyllableAccuracyOnTheRound2HeldOutPairsIsAtLeast95_7Percent() =>
        Assert.True(HeldOut.After.FoldedAccuracy >= 0.957, $"held-out folded accuracy {HeldOut.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfTheRound2HeldOutPairsAreExactForAtLeast77_8PercentOfWords() =>
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
