using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The bounds of the repair, measured by the same code as <c>planingest eval-repair</c>: on the pairs it was
/// tuned on (testdata/repair; testdata/repair/heldout, held out until round 3 and tuned on since) and on the pairs
/// it was not until round 4 (testdata/repair/heldout2, and heldout3, written by a helper who never saw the repair code;
/// both measured untuned in round 3, and tuned on from round 4: their clean halves are in the language model's corpus).
/// Floors are the measured figures minus one point (README, "Repair"). The tuned pairs' figures are no measure of
/// accuracy any more (the corpus holds their clean halves); their floors only catch a change that breaks what was
/// learnt. The untuned set of round 4 is testdata/repair/heldout4 (eight texts by a helper who never read the repair
/// or the other pairs; not in any corpus or count the repair learns from): its floors guard the one figure that says
/// how the repair does on text it was not tuned on; from round 5 it is a dev set, and the untuned set is
/// testdata/repair/heldout5 (ten texts by another such helper).
/// </summary>
public sealed class RepairEvaluationTests
{
    private static readonly RepairScore Tuned = Score(TestData.Path("repair"));

    private static readonly RepairScore HeldOut = Score(TestData.Path("repair", "heldout"));

    private static readonly RepairScore Untuned = Score(TestData.Path("repair", "heldout2"));

    private static readonly RepairScore Independent = Score(TestData.Path("repair", "heldout3"));

    private static readonly RepairScore Round4Untuned = Score(TestData.Path("repair", "heldout4"));

    private static readonly RepairScore Round5Untuned = Score(TestData.Path("repair", "heldout5"));

    [Fact]
    public void ThereArePairsWithHeaders()
    {
        Assert.True(Tuned.Before.Words > 8000);
        Assert.True(Tuned.Before.HeaderWords > 600);
        Assert.True(HeldOut.Before.Words > 1600);
        Assert.True(Untuned.Before.Words > 3000);
        Assert.True(Independent.Before.Words > 2700);
        Assert.True(Round4Untuned.Before.Words > 4200);
        Assert.True(Round5Untuned.Before.Words > 5400);
    }

    // Untuned, never tuned on or looked at word by word (ten texts by a helper who never read the repair or the other
    // pairs; in no corpus or count): 97.31% folded (exact 87.82%) at its first run on main 6eb8a9e, before round 5;
    // 97.47% (exact 88.17%, header exact 94.62%) with round 5's code, measured once by the lead. The target is 98%: not reached.
    [Fact]
    public void FoldedSyllableAccuracyOnTheRound5UntunedPairsIsAtLeast96_4Percent()
    {
        Assert.True(Round5Untuned.After.FoldedAccuracy >= 0.964, $"round-5 untuned folded accuracy {Round5Untuned.After.FoldedAccuracy:P2}");
        Assert.True(Round5Untuned.After.FoldedAccuracy > Round5Untuned.Before.FoldedAccuracy + 0.15);
    }

    [Fact]
    public void DiacriticsOfTheRound5UntunedPairsAreExactForAtLeast87_1PercentOfWords() =>
        Assert.True(Round5Untuned.After.ExactAccuracy >= 0.871, $"round-5 untuned exact {Round5Untuned.After.ExactAccuracy:P2}");

    // Untuned, never tuned on: 96.89% folded (exact 87.78%) at its first run on main 8f12a1c, before round 4;
    // 97.19% (exact 88.86%, header exact 96.56%) with round 4's code; a dev set from round 5 (never in the corpus): 97.38%
    // (exact 89.72%) with round 5's code. The target is 98%: not reached.
    [Fact]
    public void FoldedSyllableAccuracyOnTheRound4UntunedPairsIsAtLeast96_3Percent()
    {
        Assert.True(Round4Untuned.After.FoldedAccuracy >= 0.963, $"round-4 untuned folded accuracy {Round4Untuned.After.FoldedAccuracy:P2}");
        Assert.True(Round4Untuned.After.FoldedAccuracy > Round4Untuned.Before.FoldedAccuracy + 0.15);
    }

    [Fact]
    public void DiacriticsOfTheRound4UntunedPairsAreExactForAtLeast88_7PercentOfWords() =>
        Assert.True(Round4Untuned.After.ExactAccuracy >= 0.887, $"round-4 untuned exact {Round4Untuned.After.ExactAccuracy:P2}");

    // Untuned: 97.19% at its first run, 98.10% at the end of round 3; round-4 code before its clean half joined the
    // corpus 98.31%; tuned on since: 99.40% (exact 98.85%).
    [Fact]
    public void FoldedSyllableAccuracyOnTheRound3UntunedPairsIsAtLeast98_4Percent()
    {
        Assert.True(Untuned.After.FoldedAccuracy >= 0.984, $"untuned folded accuracy {Untuned.After.FoldedAccuracy:P2}");
        Assert.True(Untuned.After.FoldedAccuracy > Untuned.Before.FoldedAccuracy + 0.15);
    }

    [Fact]
    public void DiacriticsOfTheRound3UntunedPairsAreExactForAtLeast97_8PercentOfWords() =>
        Assert.True(Untuned.After.ExactAccuracy >= 0.978, $"untuned exact {Untuned.After.ExactAccuracy:P2}");

    // Untuned: 97.83% (main before round 3: 97.40%); round-4 code before its clean half joined the corpus 98.08%;
    // tuned on since: 99.14% (exact 98.72%).
    [Fact]
    public void FoldedSyllableAccuracyOnTheIndependentPairsIsAtLeast98_1Percent() =>
        Assert.True(Independent.After.FoldedAccuracy >= 0.981, $"independent folded accuracy {Independent.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfTheIndependentPairsAreExactForAtLeast97_7PercentOfWords() =>
        Assert.True(Independent.After.ExactAccuracy >= 0.977, $"independent exact {Independent.After.ExactAccuracy:P2}");

    // Measured 99.19% folded, header exact 98.59% after round 4 (memorised: see the summary).
    [Fact]
    public void FoldedSyllableAccuracyOnTheTunedPairsIsAtLeast98_1Percent()
    {
        Assert.True(Tuned.After.FoldedAccuracy >= 0.981, $"folded accuracy {Tuned.After.FoldedAccuracy:P2} (before {Tuned.Before.FoldedAccuracy:P2})");
        Assert.True(Tuned.After.FoldedAccuracy > Tuned.Before.FoldedAccuracy);
    }

    [Fact]
    public void HeaderWordsOfTheTunedPairsHaveTheirDiacriticsRestoredExactlyAtLeast97_5Percent() =>
        Assert.True(Tuned.After.HeaderExactAccuracy >= 0.975, $"header exact {Tuned.After.HeaderExactAccuracy:P2}");

    // Measured 99.41% folded, 99.24% exact after round 4 (tuned on in round 3, their clean halves in the corpus).
    [Fact]
    public void FoldedSyllableAccuracyOnTheRound2HeldOutPairsIsAtLeast98_4Percent() =>
        Assert.True(HeldOut.After.FoldedAccuracy >= 0.984, $"held-out folded accuracy {HeldOut.After.FoldedAccuracy:P2}");

    [Fact]
    public void DiacriticsOfTheRound2HeldOutPairsAreExactForAtLeast98_2PercentOfWords() =>
        Assert.True(HeldOut.After.ExactAccuracy >= 0.982, $"held-out exact {HeldOut.After.ExactAccuracy:P2}");

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
