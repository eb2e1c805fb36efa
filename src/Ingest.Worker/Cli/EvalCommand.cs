using System.CommandLine;
using System.Globalization;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest eval GOLD_DIR INPUT... [--json] [--fail-under F] [--floors FILE] [--write-floors FILE]</c>: run the pipeline on
/// inputs that have a gold record and print per-field precision, recall, F1 and exact-diacritics share,
/// each document's F1, and <c>overall_f1=…</c>. Exits 1 when a document failed: it could not be read,
/// it scored under <c>--fail-under</c>, or a field fell under its floor in <c>--floors</c>.
/// <c>--write-floors</c> records this run's figures minus one point as the floors of the set.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD_DIR") { Description = "Folder of gold records, STEM.json per document (CONTRACT.md §1 JSON)." };
        var inputs = new Argument<string[]>("INPUT") { Arity = ArgumentArity.OneOrMore, Description = "Folders or files; those whose stem has a gold record are scored (a .json input is a record kept from extract --json)." };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var failUnder = new Option<double?>("--fail-under") { Description = "A document whose overall F1 is under this fails the run." };
        var floors = new Option<string?>("--floors") { Description = "JSON object of per-field F1 floors; a field under its floor fails the run." };
        var writeFloors = new Option<string?>("--write-floors") { Description = "Write this run's per-field F1 minus one point as a floors file." };
        var command = new Command("eval", "Score field extraction against gold annotations.") { gold, inputs, json, languages, failUnder, floors, writeFloors };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(gold)!, parsed.GetValue(inputs)!, parsed.GetValue(json), SharedOptions.Ocr(parsed, languages),
            new Limits(parsed.GetValue(failUnder), parsed.GetValue(floors), parsed.GetValue(writeFloors)), token));
        return command;
    }

    /// <summary>What makes a run fail, and where to record its floors.</summary>
    private sealed record Limits(double? FailUnder, string? Floors, string? WriteFloors);

    private static async Task<int> RunAsync(string goldFolder, string[] inputs, bool json, OcrOptions options, Limits limits, CancellationToken token)
    {
        var (failUnder, floorsPath) = (limits.FailUnder, limits.Floors);
        if (!Directory.Exists(goldFolder))
        {
            ConsoleOutput.FileError(goldFolder, "no such folder");
            return ExitCodes.FileFailed;
        }

        if (floorsPath is not null && !File.Exists(floorsPath))
        {
            ConsoleOutput.FileError(floorsPath, "no such floors file");
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
        var failed = false;
        foreach (var document in report.Documents)
        {
            if (document.Error is not null)
            {
                ConsoleOutput.FileError(document.File, document.Error);
                failed = true;
            }
            else if (failUnder is { } minimum && (document.Overall.F1 ?? 1) < minimum)
            {
                ConsoleOutput.FileError(document.File, $"F1 {Format(document.Overall.F1)} under {minimum.ToString("F3", CultureInfo.InvariantCulture)}");
                failed = true;
            }
        }

        var misses = floorsPath is null ? [] : FieldFloors.Load(floorsPath).Check(report);
        foreach (var miss in misses)
        {
            ConsoleOutput.FileError(floorsPath!, $"{miss.Field} F1 {Format(miss.Measured)} under its floor {miss.Floor.ToString("F3", CultureInfo.InvariantCulture)}");
            failed = true;
        }

        if (limits.WriteFloors is { } floorsOut)
        {
            FieldFloors.FromReport(report).Save(floorsOut);
        }

        if (json)
        {
            ConsoleOutput.Json(new
            {
                documents = report.Documents.Count,
                fields = report.Fields.Select(f => new
                {
                    field = f.Field, tp = f.TruePositives, fp = f.FalsePositives, fn = f.FalseNegatives,
                    precision = f.Precision, recall = f.Recall, f1 = f.F1, exact = FieldScorer.TextFields.Contains(f.Field) ? f.ExactShare : null,
                }),
                per_document = report.Documents.Select(d => new { file = d.File, f1 = d.Overall.F1, error = d.Error }),
                overall_f1 = report.OverallF1,
            });
        }
        else
        {
            Print(report);
        }

        return failed ? ExitCodes.FileFailed : ExitCodes.Success;
    }

    private static void Print(EvaluationReport report)
    {
        Console.WriteLine($"{report.Documents.Count} document(s)");
        Console.WriteLine($"{"field",-22} {"tp",5} {"fp",5} {"fn",5} {"precision",10} {"recall",8} {"f1",7} {"exact",7}");
        foreach (var f in report.Fields)
        {
            var exact = FieldScorer.TextFields.Contains(f.Field) ? Format(f.ExactShare) : "-";
            Console.WriteLine($"{f.Field,-22} {f.TruePositives,5} {f.FalsePositives,5} {f.FalseNegatives,5} {Format(f.Precision),10} {Format(f.Recall),8} {Format(f.F1),7} {exact,7}");
        }

        Console.WriteLine();
        foreach (var d in report.Documents.OrderBy(d => d.Overall.F1 ?? 1).ThenBy(d => d.File, StringComparer.Ordinal))
        {
            Console.WriteLine($"{Format(d.Overall.F1),7}  {d.File}");
        }

        Console.WriteLine($"overall_f1={report.OverallF1.ToString("F4", CultureInfo.InvariantCulture)}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
