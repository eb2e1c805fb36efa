using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>The accent-stripped seeds come out of the normaliser with their header and key words restored.</summary>
public sealed class SeedRepairTests
{
    private static readonly TextNormalizer Normalizer = new();

    [Fact]
    public void Seed000HeaderAndPreambleAreRestored()
    {
        var result = Normalizer.Process(TestData.Seed("000"));

        Assert.True(result.Repaired);
        Assert.Contains(result.Warnings, w => w.StartsWith("text: accent-stripped OCR text repaired (", StringComparison.Ordinal));
        Assert.Contains("Số: 51/KH-MTTQ-BTT", result.Text);
        Assert.Contains("Bình Phước, ngày 3 tháng 03 năm 2021", result.Text);
        Assert.Contains("\nKẾ HOẠCH\n", result.Text);
        Assert.Contains("Chỉ thị số 13/CT-UBND ngày 29/12/2020", result.Text);
        Assert.Contains("2. Pé nghi cac to chire", TestData.Seed("000"));
        Assert.Contains("2. Đề nghị các tổ chức", result.Text);
    }

    [Fact]
    public void Seed001HeaderIsRestored()
    {
        var text = Normalizer.Normalize(TestData.Seed("001"));

        Assert.Contains("Số 58-KH/BDVHU", text);
        Assert.Contains("Châu Thành, ngày 28 tháng 3 năm 2024", text);
    }

    [Theory]
    [InlineData("Pang", "Đảng")]
    [InlineData("1. Poi twong, ndi dung thi dua", "1. Đối tượng, nội dung thi đua")]
    [InlineData("3. Dé nghi cac co quan", "3. Đề nghị các cơ quan")]
    public void Seed001WordsReadAsTheyWerePrinted(string read, string printed)
    {
        var text = Normalizer.Normalize(TestData.Seed("001"));

        Assert.Contains(read, TestData.Seed("001"));
        Assert.Contains(printed, text);
    }

    [Fact]
    public void Seed001QuotedCampaignNameKeepsItsQuotesAndItsWordsBecomeSyllables()
    {
        // A campaign's proper name ("Pong Khéi méi") is not in any word list: the repair may only make each
        // word a Vietnamese syllable (Khéi, méi are not) and must keep the quotes the campaign parser needs.
        var line = Normalizer.Normalize(TestData.Seed("001")).Split('\n')[7];
        var quoted = System.Text.RegularExpressions.Regex.Match(line, "“([^”]+)”");

        Assert.True(quoted.Success, line);
        var words = quoted.Groups[1].Value.Split(' ');
        Assert.Equal(3, words.Length);
        Assert.All(words, w => Assert.True(SyllableLexicon.Shared.IsValid(w.ToLowerInvariant()), w));
    }

    [Fact]
    public void SeedsKeepTheirLineStructure()
    {
        foreach (var seed in new[] { "000", "001", "002" })
        {
            var read = TestData.Seed(seed);
            Assert.Equal(read.Split('\n').Length, Normalizer.Normalize(read).Split('\n').Length);
        }
    }

    [Fact]
    public void CleanUnicodeSeedsAreNotRepaired()
    {
        foreach (var seed in new[] { "003", "004" })
        {
            var read = TestData.Seed(seed);
            var result = Normalizer.Process(read);
            Assert.False(result.Repaired);
            Assert.Empty(result.Changes);
            Assert.Equal(read.Normalize(System.Text.NormalizationForm.FormC), result.Text);
        }
    }

    [Theory]
    [InlineData("S6: /51 /KH-MTTQ-BTT", "Số: 51/KH-MTTQ-BTT")]
    [InlineData("Ké hoach s6 330-KHITU ngay 2/3/2021", "330-KH/TU")]
    [InlineData("Quyét dinh s6 979-QB/HU, ngay 28/12/2021", "979-QĐ/HU")]
    [InlineData("Il. NOI DUNG THI DUA", "II. NỘI DUNG THI ĐUA")]
    [InlineData("|. MUC PiCH, YEU CAU", "I. MỤC ĐÍCH, YÊU CẦU")]
    [InlineData("111. TO CHUC THUC HIEN", "III. TỔ CHỨC THỰC HIỆN")]
    [InlineData("mirc hé tro xay méi 60 triéu déng/hé", "đồng/hộ")]
    [InlineData("hé tro nha 6 cho ngudi c6 céng", "nhà ở cho người")]
    [InlineData("Phong GD&DT huyén", "GD&DT")]
    [InlineData("UY BANMTTQ VIETNAM CONG HOA XA HOI CHU NGHIA VIET NAM", "ỦY BAN MTTQ VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    public void SystematicConfusionsAreRepaired(string read, string expected)
    {
        // Enough accent-stripped context for the normaliser to judge the text damaged.
        var text = read + "\nCan cir Chi thi sé 13/CT-UBND ngay 29/12/2020 ctia Uy ban nhan dan tinh vé viéc phat dong phong trao thi dua";

        Assert.Contains(expected, Normalizer.Normalize(text));
    }

    [Fact]
    public void LigatureInsideAWordIsSpeltOut()
    {
        var text = "Can cir Chi thi sé 13/CT-UBND ngay 29/12/2020 ctia Uy ban nhan dan tinh vé viéc phat dong phong trao thi dua ve proﬁle";

        Assert.DoesNotContain('\uFB01', new TextNormalizer().Normalize(text));
    }
}

/// <summary>What the repair must leave alone.</summary>
public sealed class RepairRestraintTests
{
    [Fact]
    public void EnglishTextIsNotRepairedIntoVietnamese()
    {
        const string english = "Plans are read, normalised and extracted. The catalog is the source of truth; the index can be rebuilt from it at any time, and originals are kept until their record is committed.";

        var result = new TextNormalizer().Process(english);

        Assert.False(result.Repaired);
        Assert.Equal(english, result.Text);
    }

    [Fact]
    public void ShortTextIsLeftAsRead() => Assert.Equal("Trang 2", new TextNormalizer().Normalize("Trang 2"));

    [Fact]
    public void UnknownWordsStayAsRead()
    {
        const string text = "Can cir Chi thi sé 13/CT-UBND ngay 29/12/2020 ctia Uy ban nhan dan tinh vé viéc phat dong phong trao thi dua Xzqwv Bkrrt";

        var repaired = new TextNormalizer().Normalize(text);

        Assert.Contains("Xzqwv Bkrrt", repaired);
        Assert.Contains("13/CT-UBND", repaired);
    }
}
