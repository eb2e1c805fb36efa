using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>Folding is a projection, and restoring marks never changes what a text folds to.</summary>
public sealed class FoldingPropertyTests
{
    private static readonly string[] Words =
    [
        "kế", "hoạch", "thực", "hiện", "phong", "trào", "thi", "đua", "yêu", "nước", "Ủy", "ban", "nhân", "dân", "tỉnh",
        "Uỷ", "hoà", "Đảng", "số", "ngày", "tháng", "năm", "2021", "của", "các", "cấp", "MTTQ", "Việt", "Nam", "ﬁ", "Căn",
        "cứ", "Chỉ", "thị", "quốc", "người", "được", "công", "tác", "-", ",", ";", "“", "”", "/", "KH", "\n",
    ];

    private static readonly HashSet<string> MarkOnlyReasons = [ChangeReasons.Phrase, ChangeReasons.DominantForm, ChangeReasons.OnlyForm];

    /// <summary>Vietnamese-looking text: a run of words, each maybe stripped of its marks, maybe upper case.</summary>
    private static Arbitrary<string> VietnameseText() =>
        Gen.Elements(Words)
            .SelectMany(w => Gen.Elements(0, 1, 2).Select(kind => kind switch { 0 => w, 1 => TextFolding.Fold(w), _ => TextFolding.Fold(w).ToUpperInvariant() }))
            .ListOf()
            .Select(ws => string.Join(' ', ws))
            .ToArbitrary();

    [Property]
    public Property FoldIsIdempotentOnAnyString() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => s is null || TextFolding.Fold(TextFolding.Fold(s)) == TextFolding.Fold(s));

    [Property]
    public Property FoldIsIdempotentOnVietnamese() =>
        Prop.ForAll(VietnameseText(), s => TextFolding.Fold(TextFolding.Fold(s)) == TextFolding.Fold(s));

    [Property]
    public Property TonePlacementDoesNotChangeTheFold() =>
        Prop.ForAll(VietnameseText(), s => TextFolding.Fold(ToneMarks.Canonicalize(s)) == TextFolding.Fold(s));

    [Property(MaxTest = 200)]
    public Property RestoringMarksKeepsTheFold() =>
        Prop.ForAll(VietnameseText(), s =>
        {
            var result = new TextNormalizer().Process(s);
            var markOnly = result.Changes.All(c => MarkOnlyReasons.Contains(c.Reason));
            return result.Changes.Where(c => MarkOnlyReasons.Contains(c.Reason)).All(c => TextFolding.Fold(c.Original) == TextFolding.Fold(c.Replacement))
                && (!markOnly || TextFolding.Fold(result.Text) == TextFolding.Fold(s.Normalize(System.Text.NormalizationForm.FormC)));
        });

    [Fact]
    public void RestoringMarksOnAFoldedSeedKeepsTheFold()
    {
        // The clean seed stripped of its marks: every word a valid syllable, so the repair has only marks to restore.
        var folded = TextFolding.Fold(TestData.Seed("004"));
        var result = new TextNormalizer().Process(folded);

        Assert.True(result.Repaired);
        Assert.All(result.Changes.Where(c => MarkOnlyReasons.Contains(c.Reason)), c => Assert.Equal(TextFolding.Fold(c.Original), TextFolding.Fold(c.Replacement)));
    }
}
