using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>A TCVN3 paragraph left inside a Unicode document is converted; OCR noise and signs are not "decoded".</summary>
public sealed class Tcvn3RunsTests
{
    private static readonly TextNormalizer Normalizer = new();

    [Fact]
    public void A_tcvn3_heading_inside_unicode_text_is_converted_and_named_in_the_warnings()
    {
        // Our own text; the heading encoded with the test's independent TCVN3 table.
        var heading = TestEncoders.Tcvn3("2.1. Tình hình kinh tế - xã hội và đời sống nhân dân");
        Assert.Contains("×", heading);
        var text = heading + "\nTrong năm, huyện tập trung chỉ đạo phát triển sản xuất nông nghiệp, tổng giá trị sản xuất tăng 6,2% so với cùng kỳ.";

        var result = Normalizer.Process(text);

        Assert.Equal(LegacyEncoding.Unicode, result.Encoding);
        Assert.StartsWith("2.1. Tình hình kinh tế - xã hội và đời sống nhân dân\n", result.Text);
        Assert.Contains(result.Changes, c => c.Reason == ChangeReasons.Tcvn3Run);
        Assert.Contains(result.Warnings, w => w.StartsWith("text: 1 TCVN3 run inside Unicode text converted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_multiplication_sign_or_a_section_sign_is_not_a_run()
    {
        const string text = "Diện tích mỗi phòng học tối thiểu 7 × 8 mét theo § 3 của quy định; các trường đã bố trí đủ phòng học cho học sinh.";

        Assert.Equal(text, Normalizer.Normalize(text));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    public void English_model_ocr_output_is_not_decoded(string seed) =>
        Assert.DoesNotContain(Normalizer.Process(TestData.Seed(seed)).Changes, c => c.Reason is ChangeReasons.Tcvn3Run or ChangeReasons.LegacyFont);
}
