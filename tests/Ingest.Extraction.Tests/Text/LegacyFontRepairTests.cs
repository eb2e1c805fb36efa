using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>
/// Unicode text from a legacy font's broken character map (DESIGN §2: cơng, hồn thành, cịn, đơ thị) is repaired
/// where the evidence is clear and named in the warnings; clean text and single typos are left alone.
/// </summary>
public sealed class LegacyFontRepairTests
{
    // Our own report paragraph, and the same as a text layer of a .VnTime document shows it.
    private const string Printed =
        "Năm 2023, huyện đã hoàn thành 12 công trình giao thông nông thôn; công tác quản lý đô thị còn nhiều hạn chế, " +
        "một số công trình còn chậm tiến độ. Ban cán sự đảng UBND huyện chỉ đạo các xã rà soát, báo cáo kết quả về Phòng Kinh tế và Hạ tầng.";

    private const string Damaged =
        "Năm 2023, huyện đã hồn thành 12 cơng trình giao thơng nơng thơn; cơng tác quản lý đơ thị cịn nhiều hạn chế, " +
        "một số cơng trình cịn chậm tiến độ. Ban cán sự đảng ƯBND huyện chỉ đạo các xã rà soát, báo cáo kết quả về Phịng Kinh tế và Hạ tầng.";

    private static readonly TextNormalizer Normalizer = new();

    [Fact]
    public void Damaged_paragraph_comes_back_as_printed_and_is_named_in_the_warnings()
    {
        var result = Normalizer.Process(Damaged);

        Assert.Equal(Printed, result.Text);
        Assert.False(result.Repaired);
        Assert.Contains(result.Changes, c => c is { Original: "cơng", Replacement: "công", Reason: ChangeReasons.LegacyFont });
        Assert.Contains(result.Changes, c => c is { Original: "đơ", Replacement: "đô" });
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith($"text: {result.Changes.Count(c => c.Reason == ChangeReasons.LegacyFont)} words damaged by a legacy font", warning);
    }

    [Fact]
    public void Split_syllables_are_joined_when_the_rest_alone_is_no_word_or_the_phrases_know_the_whole()
    {
        const string damaged = "K ÉT LUẬN\nHạ tầng thưong m ại, cơng nghiệp và dịch vụ cịn thiếu đồng bộ; cơng tác quy hoạch cịn chậm.";

        var text = Normalizer.Normalize(damaged);

        Assert.Equal("KẾT LUẬN\nHạ tầng thương mại, công nghiệp và dịch vụ còn thiếu đồng bộ; công tác quy hoạch còn chậm.", text);
    }

    [Fact]
    public void One_odd_word_is_a_typo_and_stays_as_written()
    {
        const string text = "Ủy ban nhân dân huyện giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị tổ chức thực hiện cơng tác thi đua năm 2024.";

        var result = Normalizer.Process(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Words_that_are_right_as_they_stand_are_kept_in_a_damaged_document()
    {
        var damaged = Damaged + " Cơ quan, đơn vị cịn để xảy ra sai sót; TƯ và tỉnh đã có văn bản chỉ đạo cơng tác này, theo Kết luận số 12-KL/TƯ.";

        var text = Normalizer.Normalize(damaged);

        Assert.Contains("Cơ quan, đơn vị còn để xảy ra sai sót", text);
        Assert.Contains("12-KL/TƯ", text);
    }

    [Fact]
    public void Damage_that_no_confusion_explains_is_kept_and_warned_about()
    {
        // Letters lost ("u nước" for yêu nước) or swapped in ways no known font does cannot be told back.
        const string text = "Nhân dân giàu truyền thống lao động cần cù, u nước. Đĩi sống của ngưịi dân cịn khĩ khăn, thu nhập bình quân thấp, " +
            "tỷ lệ hộ ngh èo cịn cao, nhiều ngưịi chưa có việc làm ổn đị nh, đĩi sống văn hóa cịn nghèo nàn.";

        var result = Normalizer.Process(text);

        Assert.Contains("u nước", result.Text);
        Assert.Contains("Đĩi sống của ngưịi dân còn khĩ khăn", result.Text);
        Assert.Contains("tỷ lệ hộ nghèo còn cao", result.Text);
        Assert.Contains("ổn định", result.Text);
        Assert.Contains(result.Warnings, w => w.Contains("not Vietnamese syllables", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_documents_are_not_touched()
    {
        foreach (var seed in new[] { "003", "004" })
        {
            var result = Normalizer.Process(TestData.Seed(seed));
            Assert.DoesNotContain(result.Changes, c => c.Reason is ChangeReasons.LegacyFont or ChangeReasons.Tcvn3Run);
            Assert.Empty(result.Warnings);
        }
    }
}
