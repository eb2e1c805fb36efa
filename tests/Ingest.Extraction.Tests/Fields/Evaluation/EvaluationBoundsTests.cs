using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading.Ocr;
using Xunit.Abstractions;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

/// <summary>
/// The gold-set evaluation through the real pipeline (read → normalise → extract), with the bounds
/// of issue 4: overall F1 ≥ 0.95 on clean text, ≥ 0.90 on accent-stripped text and on scans, and no
/// field's F1 below 0.80.
/// </summary>
public sealed class EvaluationBoundsTests(ITestOutputHelper output)
{
    [Fact]
    public Task Clean_text() => AssertBoundsAsync(TestFiles.CleanSet, expectedDocuments: 14, minimumOverall: 0.95);

    [Fact]
    public Task Accent_stripped_text() => AssertBoundsAsync(TestFiles.StrippedSet, expectedDocuments: 15, minimumOverall: 0.90);

    [Fact]
    [Trait("Category", "Ocr")]
    public Task Scans() => AssertBoundsAsync(TestFiles.ScanSet, expectedDocuments: 12, minimumOverall: 0.90);

    private async Task AssertBoundsAsync(string[] inputs, int expectedDocuments, double minimumOverall)
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
    }
}
