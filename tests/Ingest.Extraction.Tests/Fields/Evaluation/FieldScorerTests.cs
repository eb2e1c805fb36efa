using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

public sealed class FieldScorerTests
{
    private static FieldScore Field(ExtractedFields gold, ExtractedFields actual, string name) =>
        FieldScorer.Score(gold, actual).Single(f => f.Field == name);

    [Fact]
    public void Header_values_compare_folded_and_wrong_values_count_both_ways()
    {
        var gold = new ExtractedFields { Place = "Bình Phước", Number = "51/KH-MTTQ-BTT", Title = "Uỷ ban … văn hoá" };

        Assert.Equal(new FieldScore("place", 1, 0, 0), Field(gold, new ExtractedFields { Place = "Binh Phuoc" }, "place"));
        Assert.Equal(new FieldScore("number", 0, 1, 1), Field(gold, new ExtractedFields { Number = "51/KH-UBND" }, "number"));
        Assert.Equal(new FieldScore("title", 1, 0, 0), Field(gold, new ExtractedFields { Title = "Ủy ban … văn hóa" }, "title"));
        Assert.Equal(new FieldScore("doc_type", 0, 1, 0), Field(gold, new ExtractedFields { DocType = "Kế hoạch" }, "doc_type"));
        Assert.Null(Field(gold, gold, "doc_type").F1);
    }

    [Fact]
    public void Lists_match_item_by_item_on_their_keys()
    {
        var gold = new ExtractedFields
        {
            Indicators = [new("a", null, 95, "%", Comparator.AtLeast, "II.5"), new("b", null, 100, "%", Comparator.Equal, "II.1"), new("c", null, 100, "%", Comparator.Equal, "II.1")],
            Deadlines = [new(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Due, "x"), new(null, DeadlineKind.Recurring, "y")],
        };
        var actual = new ExtractedFields
        {
            Indicators = [new("other text", "s", 95, "%", Comparator.AtLeast, null), new("b", null, 100, "%", Comparator.Equal, null), new("z", null, 95, "%", Comparator.Equal, null)],
            Deadlines = [new(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Event, "x")],
        };

        Assert.Equal(new FieldScore("indicators", 2, 1, 1), Field(gold, actual, "indicators"));
        Assert.Equal(new FieldScore("deadlines", 0, 1, 2), Field(gold, actual, "deadlines"));
    }

    [Fact]
    public void Recipients_tolerate_a_few_misread_letters_but_not_another_name()
    {
        var gold = new ExtractedFields { Recipients = ["Thường trực Tỉnh ủy", "Ban Dân vận Tỉnh ủy"] };
        var actual = new ExtractedFields { Recipients = ["Thuong true Tinh ty", "UBND tỉnh"] };

        Assert.Equal(new FieldScore("recipients", 1, 1, 1), Field(gold, actual, "recipients"));
    }
}
