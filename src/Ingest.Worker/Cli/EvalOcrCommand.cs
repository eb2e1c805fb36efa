using System.CommandLine;
using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest eval-ocr [DIR]</c>: character error rate of our OCR and of plain tesseract on scans with known text.</summary>
internal static class EvalOcrCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "Folder of scans, each with NAME.txt ground truth beside it.", DefaultValueFactory = _ => "testdata/scans" };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var noTesseract = new Option<bool>("--no-tesseract") { Description = "Skip the comparison with the plain tesseract command." };
        var command = new Command("eval-ocr", "Measure OCR character error rate against ground truth.") { folder, json, languages, noTesseract };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(folder)!, parsed.GetValue(json), !parsed.GetValue(noTesseract), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string folder, bool json, bool withTesseract, OcrOptions options, CancellationToken token)
    {
        if (!Directory.Exists(folder))
        {
            ConsoleOutput.FileError(folder, "no such folder");
            return ExitCodes.FileFailed;
        }

        var pairs = OcrEvaluation.FindPairs(folder);
        if (pairs.Count == 0)
        {
            ConsoleOutput.FileError(folder, "no scan has a NAME.txt ground truth beside it");
            return ExitCodes.FileFailed;
        }

        using var ocr = new OcrEnginePool(options);
        var evaluation = new OcrEvaluation(new DocumentReader(ocr), options.Languages);
        var scores = new List<OcrScore>();
        foreach (var (scan, truth) in pairs)
        {
            try
            {
                scores.Add(await evaluation.ScoreAsync(scan, truth, withTesseract, token));
            }
            catch (DocumentReadException e)
            {
                ConsoleOutput.FileError(scan, e.Message);
                return ExitCodes.FileFailed;
            }
        }

        var total = scores.Sum(s => s.TruthCharacters);
        var overall = scores.Sum(s => s.Cer * s.TruthCharacters) / total;
        var compared = scores.Where(s => s.TesseractCer is not null).ToList();
        double? tesseractOverall = compared.Count == 0 ? null
            : compared.Sum(s => s.TesseractCer!.Value * s.TruthCharacters) / compared.Sum(s => s.TruthCharacters);
        var oursOnCompared = compared.Count == 0 ? (double?)null
            : compared.Sum(s => s.Cer * s.TruthCharacters) / compared.Sum(s => s.TruthCharacters);
        if (json)
        {
            ConsoleOutput.Json(new { languages = options.Languages, files = scores, cer = overall, cer_on_compared = oursOnCompared, tesseract_cer = tesseractOverall });
            return ExitCodes.Success;
        }

        Console.WriteLine($"{"file",-24} {"pages",5} {"chars",7} {"cer",8} {"tesseract",10}  rotations");
        foreach (var s in scores)
        {
            var theirs = s.TesseractCer is { } t ? $"{t:P2}" : "-";
            Console.WriteLine($"{s.File,-24} {s.Pages,5} {s.TruthCharacters,7} {s.Cer,8:P2} {theirs,10}  {string.Join(",", s.Rotations)}");
        }

        Console.WriteLine($"languages={options.Languages} cer={overall:F4}" + (tesseractOverall is { } tc ? $" cer_on_compared={oursOnCompared:F4} tesseract_cer={tc:F4}" : string.Empty));
        return ExitCodes.Success;
    }
}
