using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading.Ocr;
using Xunit.Abstractions;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

/// <summary>
/// Regression floors of the issue-7 corpus (testdata/corpus): the development set and the held-out third, in
/// each of the four forms made by make_forms.py. The scan form is scored from its cached OCR text
/// (<c>scan-ocr/</c>, what PlanIngest read from <c>scans/*.png</c>), so the suite does not OCR every page again.
/// Each set's floors (testdata/corpus/floors/SET-FORM.json) were written by
/// <c>planingest eval testdata/corpus/gold testdata/corpus/SET/FORM --write-floors …</c>: the measured F1 of every
/// field and overall minus one point. A field under its floor, a document that cannot be read, or a header
/// value invented on a text that is not an administrative document fails.
/// </summary>
public sealed class CorpusFloorsTests(ITestOutputHelper output)
{
    private static string Corpus => Path.Combine(TestFiles.Root, "testdata", "corpus");

    public static TheoryData<string, string> Sets => new()
    {
        { "dev", "clean" }, { "dev", "stripped" }, { "dev", "garbled" }, { "dev", "scan-ocr" },
        { "heldout", "clean" }, { "heldout", "stripped" }, { "heldout", "garbled" }, { "heldout", "scan-ocr" },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Every_field_stays_at_its_floor(string set, string form)
    {
        var inputs = Path.Combine(Corpus, set, form);
        using var ocr = new OcrEnginePool(OcrOptions.FromEnvironment() with { MaxParallelPages = 2 });
        var evaluation = new ExtractionEvaluation(ExtractionPipeline.Create(ocr));
        var pairs = ExtractionEvaluation.FindPairs(Path.Combine(Corpus, "gold"), [inputs]);
        var report = await evaluation.RunAsync(pairs, 2, CancellationToken.None);
        var floors = FieldFloors.Load(Path.Combine(Corpus, "floors", $"{set}-{form}.json"));

        foreach (var field in report.Fields)
        {
            output.WriteLine($"{field.Field,-22} tp={field.TruePositives} fp={field.FalsePositives} fn={field.FalseNegatives} f1={field.F1:F3}");
        }

        output.WriteLine($"overall_f1={report.OverallF1:F4}");
        Assert.Equal(Directory.GetFiles(inputs).Length, report.Documents.Count);
        Assert.All(report.Documents, d => Assert.Null(d.Error));
        Assert.Contains("issuer.name", floors.Values.Keys);
        Assert.Empty(floors.Check(report).Select(m => $"{m.Field} F1 {m.Measured:F3} under its floor {m.Floor:F3}"));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Texts_that_are_not_administrative_documents_get_no_header_value(string set, string form)
    {
        var gold = Path.Combine(Corpus, "gold");
        var pairs = ExtractionEvaluation.FindPairs(gold, [Path.Combine(Corpus, set, form)])
            .Where(p => ExtractionEvaluation.LoadGold(p.Gold) is { DocType: null, Issuer: null, Signer: null })
            .ToList();
        using var ocr = new OcrEnginePool(OcrOptions.FromEnvironment() with { MaxParallelPages = 2 });
        var report = await new ExtractionEvaluation(ExtractionPipeline.Create(ocr)).RunAsync(pairs, 2, CancellationToken.None);

        Assert.NotEmpty(report.Documents);
        Assert.All(report.Documents, d =>
        {
            var record = Assert.IsType<PlanIngest.Extraction.Model.ExtractedFields>(d.Record);
            Assert.True(
                record is { DocType: null, Number: null, Issuer: null, Place: null, IssuedDate: null, Title: null, Signer: null, Recipients.Count: 0 },
                $"{d.File}: header value invented");
        });
    }
}
