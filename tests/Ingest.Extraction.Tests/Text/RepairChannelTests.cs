using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The mechanisms of repair round 3 on our own examples: how hard the context must argue to change a read word
/// is learnt per read word, gazetteer names and units after numbers keep their letters, and a read w is ư.
/// </summary>
public sealed class RepairChannelTests
{
    [Fact]
    public void AReadWordNeverCountedHasTheGeneralRate()
    {
        var reliability = new ReadReliability(["hé\t40\t10"]);

        Assert.Equal(0.029, reliability.WrongRate("không-đếm", 0.029), 6);
    }

    [Fact]
    public void AReadWordOftenWrongIsLikelyWrongAndOneAlwaysRightLessLikelyThanTheGeneralRate()
    {
        var reliability = new ReadReliability(["hé\t40\t10", "vé\t60\t60"]);

        Assert.True(reliability.WrongRate("hé", 0.125) > 0.65);
        Assert.True(reliability.WrongRate("vé", 0.125) < 0.01);
    }

    [Fact]
    public void TheShippedCountsSayThatHéIsMoreOftenWrongThanRight() =>
        Assert.True(ReadReliability.Shared.WrongRate("hé", 0.125) > 0.5);

    [Theory]
    [InlineData("tho xuan", true)]
    [InlineData("bao loc", true)]
    [InlineData("thi xuan", false)]
    public void GazetteerNamesAreRunsOfFoldedSyllables(string run, bool isName) =>
        Assert.Equal(isName, PlaceNameRuns.Shared.IsName(run));

    [Fact]
    public void AReadWIsCheaperAsUThanAsASpuriousLetter() =>
        Assert.True(OcrConfusionModel.Cost("phwong", "phuong") < OcrConfusionModel.Cost("phwong", "phong"));

    // Our own sentence, damaged the way the English model damages (marks lost, ô as 6, ơ as d, ư as w).
    private const string Damaged =
        "UY BAN NHAN DAN HUYEN THO XUAN\n" +
        "T6 chirc kiém tra cdc tuyén dudng trén dia ban phwong, sira chifa 800 m mwong va lam mdi 8 km dudng giao théng " +
        "néng thén, hoan thanh trudc ngay 30/11/2024. Cac hé dan ky cam két gitr gin vé sinh mdi trudng.";

    private static string RepairedFolded() => TextFolding.Fold(OcrRepair.Shared.Repair(Damaged).Text.ToLowerInvariant());

    [Fact]
    public void ADistrictNameInCapitalsKeepsItsLetters() => Assert.Contains("huyen tho xuan", RepairedFolded());

    [Fact]
    public void AUnitAfterANumberIsKeptAsRead()
    {
        var folded = RepairedFolded();
        Assert.Contains("800 m ", folded);
        Assert.Contains("8 km ", folded);
    }

    [Fact]
    public void DamagedWordsAroundThemAreRepaired()
    {
        var folded = RepairedFolded();
        Assert.Contains("to chuc kiem tra cac tuyen duong", folded);
        Assert.Contains("dia ban phuong", folded);
        Assert.Contains("cac ho dan", folded);
    }
}
