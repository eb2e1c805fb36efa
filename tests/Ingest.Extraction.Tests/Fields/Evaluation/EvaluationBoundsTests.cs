using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading.Ocr;
using Xunit.Abstractions;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

/// <summary>
/// The older gold set (testdata/plans and the seeds) through the real pipeline (read → normalise → extract).
/// Floors per field and overall are the measured figures minus one point (testdata/plans/floors/FORM.json,
/// written by <c>planingest eval testdata/gold … --write-floors</c>), above issue 4's bounds (overall F1 ≥ 0.95 on
/// clean text, ≥ 0.90 on accent-stripped text and on scans, no field below 0.80), which still hold.
/// </summary>
public sealed class EvaluationBoundsTests(ITestOutputHelper output)
{
    [Fact]
    public Task Clean_text() => AssertBoundsAsync(TestFiles.CleanSet, "clean", expectedDocuments: 14, minimumOverall: 0.95);

    [Fact]
    public Task Accent_stripped_text() => AssertBoundsAsync(TestFiles.StrippedSet, "stripped", expectedDocuments: 15, minimumOverall: 0.90);

    [Fact]
    [Trait("Category", "Ocr")]
    public Task Scans() => AssertBoundsAsync(TestFiles.ScanSet, "scans", expectedDocuments: 12, minimumOverall: 0.90);

    private async Task AssertBoundsAsync(string[] inputs, string form, int expectedDocuments, double minimumOverall)
    {
        using var ocr = new OcrEnginePool(OcrOptions.FromEnvironment() with { MaxParallelPages = 2 });
        var evaluation = new ExtractionEvaluation(ExtractionPipeline.Create(ocr));
        var report = await evaluation.RunAsync(ExtractionEvaluation.FindPairs(TestFiles.Gold, inputs), 2, CancellationToken.None);

        foreach (var field in report.Fields)
        {
            output.WriteLine($"{field.Field,-18} tp={field.TruePositives} fp={field.FalsePositives} fn={field.FalseNegatives} f1={field.F1:F3}");
        }

        output.WriteLine($"overall_f1={report.OverallF1:F4}");
        Assert.Equal(expectedDocuments, report.Documents.Count);
        Assert.All(report.Documents, d => Assert.Null(d.Error));
        Assert.True(report.OverallF1 >= minimumOverall, $"overall F1 {report.OverallF1:F4} < {minimumOverall}");
        Assert.All(report.Fields.Where(f => f.F1 is not null), f => Assert.True(f.F1 >= 0.80, $"{f.Field} F1 {f.F1:F3} < 0.80"));
        var floors = FieldFloors.Load(Path.Combine(TestFiles.Root, "testdata", "plans", "floors", form + ".json"));
        Assert.Empty(floors.Check(report).Select(m => $"{m.Field} F1 {m.Measured:F3} under its floor {m.Floor:F3}"));
    }
}
