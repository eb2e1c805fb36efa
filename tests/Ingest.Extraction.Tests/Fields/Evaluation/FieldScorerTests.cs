using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

public sealed class FieldScorerTests
{
    private static FieldScore Field(ExtractedFields gold, ExtractedFields actual, string name) =>
        FieldScorer.Score(gold, actual).Single(f => f.Field == name);

    private static Indicator Target(decimal value, string? unit, Comparator comparator, string? subject) =>
        new("", subject, value, unit, comparator, null);

    [Fact]
    public void Header_values_compare_folded_and_wrong_values_count_both_ways()
    {
        var gold = new ExtractedFields { Place = "Bình Phước", Number = "51/KH-MTTQ-BTT", Title = "Uỷ ban … văn hoá" };

        Assert.Equal(new FieldScore("place", 1, 0, 0), Field(gold, new ExtractedFields { Place = "Binh Phuoc" }, "place"));
        Assert.Equal(new FieldScore("number", 0, 1, 1), Field(gold, new ExtractedFields { Number = "51/KH-UBND" }, "number"));
        Assert.Equal(new FieldScore("doc_type", 0, 1, 0), Field(gold, new ExtractedFields { DocType = "Kế hoạch" }, "doc_type"));
        Assert.Null(Field(gold, gold, "doc_type").F1);
    }

    [Fact]
    public void Exact_diacritics_are_counted_beside_the_folded_match()
    {
        var gold = new ExtractedFields { Place = "Bình Phước", Title = "Uỷ ban … văn hoá" };

        // Tone-mark placement is not a difference (CONTRACT §1a); lost marks are.
        Assert.Equal(new FieldScore("title", 1, 0, 0, Exact: 1), Field(gold, new ExtractedFields { Title = "Ủy ban … văn hóa" }, "title"));
        Assert.Equal(new FieldScore("place", 1, 0, 0, Exact: 0), Field(gold, new ExtractedFields { Place = "Binh Phuoc" }, "place"));
    }

    [Fact]
    public void Numbers_compare_by_their_canonical_key()
    {
        var gold = new ExtractedFields { Number = "66/NQ-HĐND", LegalBases = [new("Nghị quyết", "84-QĐ/TWĐTN", null, null)] };
        var actual = new ExtractedFields { Number = "66/NQHĐND", LegalBases = [new("Nghị quyết", "84 QĐ/TWĐTN", null, null)] };

        Assert.Equal(1, Field(gold, actual, "number").TruePositives);
        Assert.Equal(1, Field(gold, actual, "legal_bases").TruePositives);
    }

    [Fact]
    public void An_indicator_matches_only_with_its_subject()
    {
        var gold = new ExtractedFields
        {
            Indicators = [Target(95, "%", Comparator.AtLeast, "cử tri đi bầu cử"), Target(100, "%", Comparator.Equal, "khu dân cư đăng ký")],
        };
        var actual = new ExtractedFields
        {
            // The right value, unit and comparator with another subject is not the target the gold names.
            Indicators = [Target(95, "%", Comparator.AtLeast, "cử tri đi bầu cử trở lên"), Target(100, "%", Comparator.Equal, "đảng viên được học tập")],
        };

        Assert.Equal(new FieldScore("indicators", 1, 1, 1, Exact: 0), Field(gold, actual, "indicators"));
    }

    [Fact]
    public void A_counted_noun_matches_when_one_unit_begins_the_other()
    {
        var gold = new ExtractedFields { Indicators = [Target(2, "bài viết/1 năm", Comparator.AtLeast, "bài viết")] };

        Assert.Equal(1, Field(gold, new ExtractedFields { Indicators = [Target(2, "bài viết", Comparator.AtLeast, "bài viết")] }, "indicators").TruePositives);
        Assert.Equal(0, Field(gold, new ExtractedFields { Indicators = [Target(2, "phóng sự", Comparator.AtLeast, "bài viết")] }, "indicators").TruePositives);
    }

    [Fact]
    public void Deadlines_pair_on_date_and_kind_and_their_texts_are_scored_on_the_pairs()
    {
        var gold = new ExtractedFields
        {
            Deadlines = [new(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Due, "gửi về Ban Thường trực chậm nhất trước 19/03/2021"), new(null, DeadlineKind.Recurring, "định kỳ 6 tháng báo cáo")],
        };
        var actual = new ExtractedFields
        {
            Deadlines = [new(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Due, "Kế hoạch này có hiệu lực"), new(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Event, "x")],
        };

        Assert.Equal(new FieldScore("deadlines", 1, 1, 1), Field(gold, actual, "deadlines"));
        Assert.Equal(new FieldScore("deadlines.text", 0, 1, 1), Field(gold, actual, "deadlines.text"));
    }

    [Fact]
    public void Legal_basis_attributes_are_fields_of_their_own()
    {
        var gold = new ExtractedFields { LegalBases = [new("Chỉ thị", "13/CT-UBND", PartialDate.TryDay(2020, 12, 29), "Ủy ban nhân dân tỉnh")] };
        var actual = new ExtractedFields { LegalBases = [new("Chỉ thị", "13/CT-UBND", null, "Uy ban nhan dan tinh")] };

        Assert.Equal(1, Field(gold, actual, "legal_bases").TruePositives);
        Assert.Equal(new FieldScore("legal_bases.date", 0, 0, 1), Field(gold, actual, "legal_bases.date"));
        Assert.Equal(1, Field(gold, actual, "legal_bases.issuer").TruePositives);
    }

    [Fact]
    public void Recipients_tolerate_a_few_misread_letters_but_not_another_name()
    {
        var gold = new ExtractedFields { Recipients = ["Thường trực Tỉnh ủy", "Ban Dân vận Tỉnh ủy"] };
        var actual = new ExtractedFields { Recipients = ["Thuong true Tinh ty", "UBND tỉnh"] };

        Assert.Equal(new FieldScore("recipients", 1, 1, 1), Field(gold, actual, "recipients"));
    }
}
