using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// The mechanisms of repair round 4 on our own examples: the English model's uw and bare o for ư / ươ, its Q, G
/// and 8 for ô / ơ after a capital, ủ read as a; number words counted in the background; commune names.
/// </summary>
public sealed class RepairRound4Tests
{
    [Theory]
    [InlineData("thuwoéng", "thuong", 0.55)] // Thường with its ư spelt uw
    [InlineData("nuwéc", "nuoc", 0.35)]
    [InlineData("trong", "truong", 0.35)]    // trường with the u of ươ lost
    [InlineData("chong", "chuong", 0.35)]
    [InlineData("s8", "so", 0.35)]
    [InlineData("pha", "phu", 0.45)]         // phủ with ủ read as a
    public void ConfusionsCountedOnTheRepairPairsAreCheap(string read, string folded, double atMost) =>
        Assert.True(OcrConfusionModel.Cost(read, folded) <= atMost, $"{read} → {folded}: {OcrConfusionModel.Cost(read, folded)}");

    [Fact]
    public void TheBackgroundCountsNumberWordsAsOftenAsASourceThatSpellsThem()
    {
        var background = SyllableFrequencies.Shared;

        Assert.True(background.Count(background.Find("mot")) > background.Count(background.Find("mat")));
        Assert.True(background.Count(background.Find("hai")) > 50_000);
    }

    // Our own lines, damaged the way the English model damages (marks lost, ô as 6 or d, ư as w): a ward of Hà Nội
    // opening the place-date line, a commune after its unit word (names from the gazetteer), Sở read SG.
    private const string Damaged =
        "Phuc Xa, ngay 12 thang 3 nam 2024\n" +
        "T6 chirc kiém tra cdc tuyén dudng trén dia ban xa Kim Chung, sira chifa mwong va lam mdi dudng giao théng " +
        "néng thén, hoan thanh trudc ngay 30/11/2024. Giam déc SG Y té chi dao cac hé dan ky cam két.";

    private static string Repaired() => OcrRepair.Shared.Repair(Damaged).Text;

    [Theory]
    [InlineData("Phúc Xá, ngày")]
    [InlineData("xã Kim Chung")]
    public void ACommuneNameInItsContextKeepsItsLettersAndTakesTheGazetteerSpelling(string expected) =>
        Assert.Contains(expected, Repaired());

    // Case follows the read word (SG → SỞ); what is measured is the syllable.
    [Fact]
    public void ACapitalConsonantWithGIsADamagedSyllable() =>
        Assert.Contains("Giám đốc Sở Y tế", Repaired(), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void AnAbbreviationOfTheListStaysAsWritten() =>
        Assert.Contains("NQ", OcrRepair.Shared.Repair("Can ctr Nghi quyét sé 12-NQ/TU va NQ cua Ban Thuong vu").Text);

    [Fact]
    public void CommuneNamesCountOnlyInTheirContext()
    {
        Assert.True(PlaceNameRuns.Shared.IsNameAfterUnitWord("kim chung"));
        Assert.False(PlaceNameRuns.Shared.IsName("kim chung"));
    }
}
