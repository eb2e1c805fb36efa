using System.CommandLine;
using System.Text.Json.Nodes;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest extract FILE... [--json]</c>: run the pipeline on files and print their records.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Scans, PDFs, DOCX or text files." };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var noPages = new Option<bool>("--no-pages") { Description = "Leave the page texts out of the JSON." };
        var command = new Command("extract", "Read files and print what they say, field by field.") { files, json, languages, noPages };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(files)!, parsed.GetValue(json), !parsed.GetValue(noPages), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, bool includePages, OcrOptions ocrOptions, CancellationToken token)
    {
        using var ocr = new OcrEnginePool(ocrOptions);
        var pipeline = ExtractionPipeline.Create(ocr);
        _ = pipeline.WarmUpAsync();
        var records = new DocumentRecord?[paths.Length];
        var progress = new ProgressMeter(paths.Length);

        // Files run side by side as well as their pages: a batch of one-page scans keeps every engine busy.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ocrOptions.MaxParallelPages), CancellationToken = token },
            async (index, ct) =>
            {
                records[index] = await TryProcessAsync(pipeline, paths[index], ct);
                progress.FileDone(records[index]?.Pages.Count ?? 0);
            });
        ConsoleOutput.EndProgress();

        var succeeded = records.OfType<DocumentRecord>().ToList();
        if (json)
        {
            var nodes = succeeded.Select(r => RecordJson.ToJson(r, includePages)).ToArray<JsonNode?>();
            if (paths.Length == 1)
            {
                if (nodes.Length == 1)
                {
                    ConsoleOutput.Json(nodes[0]!);
                }
            }
            else
            {
                ConsoleOutput.Json(new JsonArray(nodes));
            }
        }
        else
        {
            succeeded.ForEach(PrintSummary);
        }

        return succeeded.Count == paths.Length ? ExitCodes.Success : ExitCodes.FileFailed;
    }

    private static async Task<DocumentRecord?> TryProcessAsync(ExtractionPipeline pipeline, string path, CancellationToken token)
    {
        var result = await pipeline.ProcessAsync(path, token);
        if (result.Failure is { } failure)
        {
            ConsoleOutput.FileError(path, failure.Reason);
        }

        return result.Value;
    }

    private static void PrintSummary(DocumentRecord record)
    {
        var source = record.Source;
        var ocr = source.Ocr ? $", OCR confidence {source.OcrConfidence:P0}" : string.Empty;
        Console.WriteLine($"{source.Path}: {source.MediaType}, {source.Pages} page(s){ocr}");
        var fields = record.Fields;
        WriteField("type", fields.DocType);
        WriteField("number", fields.Number);
        WriteField("issuer", fields.Issuer?.Name);
        WriteField("date", fields.IssuedDate?.ToString());
        WriteField("title", fields.Title);
        if (fields.Citations.Count > 0)
        {
            WriteField("cites", string.Join(", ", fields.Citations.Select(c => c.Number ?? c.DocType)));
        }

        var firstLines = string.Join(" / ", record.Pages.SelectMany(p => p.Text.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).Take(3));
        WriteField("begins", firstLines);
    }

    private static void WriteField(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Console.WriteLine($"  {name,-7} {value}");
        }
    }
}
