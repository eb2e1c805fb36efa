using System.CommandLine;
using System.Globalization;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest eval GOLD_DIR INPUT... [--json]</c>: run the pipeline on inputs that have a gold record
/// and print per-field precision, recall and F1, ending with <c>overall_f1=…</c>.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD_DIR") { Description = "Folder of gold records, STEM.json per document (CONTRACT.md §1 JSON)." };
        var inputs = new Argument<string[]>("INPUT") { Arity = ArgumentArity.OneOrMore, Description = "Folders or files; those whose stem has a gold record are scored." };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var command = new Command("eval", "Score field extraction against gold annotations.") { gold, inputs, json, languages };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(gold)!, parsed.GetValue(inputs)!, parsed.GetValue(json), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string goldFolder, string[] inputs, bool json, OcrOptions options, CancellationToken token)
    {
        if (!Directory.Exists(goldFolder))
        {
            ConsoleOutput.FileError(goldFolder, "no such folder");
            return ExitCodes.FileFailed;
        }

        var pairs = ExtractionEvaluation.FindPairs(goldFolder, inputs);
        if (pairs.Count == 0)
        {
            ConsoleOutput.FileError(string.Join(' ', inputs), "no input has a gold record in " + goldFolder);
            return ExitCodes.FileFailed;
        }

        using var ocr = new OcrEnginePool(options);
        var evaluation = new ExtractionEvaluation(ExtractionPipeline.Create(ocr));
        var report = await evaluation.RunAsync(pairs, options.MaxParallelPages, token);
        foreach (var failed in report.Documents.Where(d => d.Error is not null))
        {
            ConsoleOutput.FileError(failed.File, failed.Error!);
        }

        if (json)
        {
            ConsoleOutput.Json(new
            {
                documents = report.Documents.Count,
                fields = report.Fields.Select(f => new { field = f.Field, tp = f.TruePositives, fp = f.FalsePositives, fn = f.FalseNegatives, precision = f.Precision, recall = f.Recall, f1 = f.F1 }),
                per_document = report.Documents.Select(d => new { file = d.File, f1 = d.Fields.Aggregate(new FieldScore("all", 0, 0, 0), (s, f) => s.Add(f with { Field = "all" })).F1, error = d.Error }),
                overall_f1 = report.OverallF1,
            });
            return ExitCodes.Success;
        }

        Console.WriteLine($"{report.Documents.Count} document(s)");
        Console.WriteLine($"{"field",-18} {"tp",5} {"fp",5} {"fn",5} {"precision",10} {"recall",8} {"f1",7}");
        foreach (var f in report.Fields)
        {
            Console.WriteLine($"{f.Field,-18} {f.TruePositives,5} {f.FalsePositives,5} {f.FalseNegatives,5} {Format(f.Precision),10} {Format(f.Recall),8} {Format(f.F1),7}");
        }

        Console.WriteLine($"overall_f1={report.OverallF1.ToString("F4", CultureInfo.InvariantCulture)}");
        return ExitCodes.Success;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
