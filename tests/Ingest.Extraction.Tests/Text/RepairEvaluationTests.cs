using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The bounds of the repair, measured by the same code as <c>planingest eval-repair</c>: on the pairs it was
/// tuned on (testdata/repair; testdata/repair/heldout, held out until round 3 and tuned on since) and on the pairs
/// it never was (testdata/repair/heldout2, and heldout3, written by a helper who never saw the repair code and
/// measured once). Floors are the measured figures minus one point (README, "Repair"). The tuned pairs' figures are
/// no measure of accuracy any more (the language model's corpus holds their clean halves); their floors only catch
/// a change that breaks what was learnt.
/// </summary>
public sealed class RepairEvaluationTests
{
    private static readonly RepairScore Tuned = Score(TestData.Path("repair"));

    private static readonly RepairScore HeldOut = Score(TestData.Path("repair", "heldout"));

    private static readonly RepairScore Untuned = Score(TestData.Path("repair", "heldout2"));

    private static readonly RepairScore Independent = Score(TestData.Path("repair", "heldout3"));

    [Fact]
    public void ThereArePairsWithHeaders()
    {
        Assert.True(Tuned.Before.Words > 8000);
        Assert.True(Tuned.Before.HeaderWords > 600);
        Assert.True(HeldOut.Before.Words > 1600);
        Assert.True(Untuned.Before.Words > 3000);
        Assert.True(Independent.Before.Words > 2700);
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

    // Measured once, 97.83% (main before round 3: 97.40%); exact 91.16%.
    [Fact]
    public void FoldedSyllableAccuracyOnTheIndependentPairsIsAtLeast96_8Percent() =>
        Assert.True(Independent.After.FoldedAccuracy >= 0.968, $"independent folded accuracy {Independent.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfTheIndependentPairsAreExactForAtLeast90_1PercentOfWords() =>
        Assert.True(Independent.After.ExactAccuracy >= 0.901, $"independent exact {Independent.After.ExactAccuracy:P2}");

    // Measured 99.13% folded, header exact 98.91% (memorised: see the summary).
    [Fact]
    public void FoldedSyllableAccuracyOnTheTunedPairsIsAtLeast98_1Percent()
    {
        Assert.True(Tuned.After.FoldedAccuracy >= 0.981, $"folded accuracy {Tuned.After.FoldedAccuracy:P2} (before {Tuned.Before.FoldedAccuracy:P2})");
        Assert.True(Tuned.After.FoldedAccuracy > Tuned.Before.FoldedAccuracy);
    }

    [Fact]
    public void HeaderWordsOfTheTunedPairsHaveTheirDiacriticsRestoredExactlyAtLeast97_9Percent() =>
        Assert.True(Tuned.After.HeaderExactAccuracy >= 0.979, $"header exact {Tuned.After.HeaderExactAccuracy:P2}");

    // Measured 99.24% folded, 99.06% exact (tuned on in round 3, their clean halves in the language model's corpus).
    [Fact]
    public void FoldedSyllableAccuracyOnTheRound2HeldOutPairsIsAtLeast98_2Percent() =>
        Assert.True(HeldOut.After.FoldedAccuracy >= 0.982, $"held-out folded accuracy {HeldOut.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfTheRound2HeldOutPairsAreExactForAtLeast98_0PercentOfWords() =>
        Assert.True(HeldOut.After.ExactAccuracy >= 0.980, $"held-out exact {HeldOut.After.ExactAccuracy:P2}");

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
