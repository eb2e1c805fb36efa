using System.CommandLine;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest extract FILE... [--json]</c>: run the pipeline on files and print each record as soon as
/// its file is done — with <c>--json</c> one compact object per line (JSON Lines), so an interrupted run
/// keeps what was finished and <c>jq</c> reads the stream.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Scans, PDFs, DOCX or text files." };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var noPages = new Option<bool>("--no-pages") { Description = "Leave the page texts out of the JSON." };
        var command = new Command("extract", "Read files and print what they say, field by field (JSON Lines with --json).") { files, json, languages, noPages };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(files)!, parsed.GetValue(json), !parsed.GetValue(noPages), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, bool includePages, OcrOptions ocrOptions, CancellationToken token)
    {
        using var ocr = new OcrEnginePool(ocrOptions);
        var pipeline = ExtractionPipeline.Create(ocr);
        _ = pipeline.WarmUpAsync();
        var progress = new ProgressMeter(paths.Length);
        var failed = 0;

        // Files run side by side as well as their pages: a batch of one-page scans keeps every engine busy.
        // Each record is printed the moment its file is done, in the order files finish.
        await Parallel.ForEachAsync(
            paths,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ocrOptions.MaxParallelPages), CancellationToken = token },
            async (path, ct) =>
            {
                var result = await pipeline.ProcessAsync(path, ct);
                if (result.Value is { } record)
                {
                    Print(record, json, includePages);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    ConsoleOutput.FileError(path, result.Failure!.Reason);
                }

                progress.FileDone(result.Value?.Pages.Count ?? 0);
            });
        ConsoleOutput.EndProgress();
        return failed == 0 ? ExitCodes.Success : ExitCodes.FileFailed;
    }

    private static void Print(DocumentRecord record, bool json, bool includePages)
    {
        if (json)
        {
            ConsoleOutput.Json(RecordJson.ToJson(record, includePages));
        }
        else
        {
            ConsoleOutput.Line(string.Join('\n', RecordSummary.Lines(record)));
        }
    }
}
