using System.CommandLine;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest normalize FILE [--json]</c>: the read stage, then the normalise stage, printed.</summary>
internal static class NormalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A scan, PDF, DOCX or text file." };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var command = new Command("normalize", "Print a file's text converted, normalised and repaired; --json adds every change.") { file, json, languages };
        command.SetAction((parsed, token) => RunAsync(parsed.GetValue(file)!, parsed.GetValue(json), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string path, bool json, OcrOptions options, CancellationToken token)
    {
        using var ocr = new OcrEnginePool(options);
        var outcome = await ExtractionPipeline.Create(ocr).ReadAndNormalizeAsync(path, token);
        if (outcome.Failure is { } failure)
        {
            ConsoleOutput.FileError(path, failure.Reason);
            return ExitCodes.FileFailed;
        }

        var (read, result) = (outcome.Value!.Read, outcome.Value.Text);
        if (json)
        {
            ConsoleOutput.Json(new
            {
                source = read.Source,
                encoding = result.Encoding,
                repaired = result.Repaired,
                marked_share = Math.Round(result.MarkedShare, 3),
                text = result.Text,
                changes = result.Changes,
            });
        }
        else
        {
            Console.Out.Write(result.Text);
            if (!result.Text.EndsWith('\n'))
            {
                Console.Out.WriteLine();
            }
        }

        return ExitCodes.Success;
    }
}
