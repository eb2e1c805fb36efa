using System.CommandLine;
using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest eval-hard [DIR…]</c>: on hard scans (photocopies, faxes, sealed signature pages, clean
/// pages), the character error rate of our reading and of plain tesseract per level, and the signer found under seals.
/// </summary>
internal static class EvalHardCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("DIR")
        {
            Description = "Folders of fixture pages (default testdata/hard); one without manifest.tsv counts as clean scans.",
            DefaultValueFactory = _ => ["testdata/hard"],
        };
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var noTesseract = new Option<bool>("--no-tesseract") { Description = "Skip the comparison with the plain tesseract command." };
        var split = new Option<string?>("--split") { Description = "Only pages of this split (tune, held-out, existing)." };
        var command = new Command("eval-hard", "Measure reading of hard scans against ground truth, with plain tesseract beside it.")
        {
            folders, json, languages, noTesseract, split,
        };
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(folders)!, parsed.GetValue(json), !parsed.GetValue(noTesseract), parsed.GetValue(split), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string[] folders, bool json, bool withTesseract, string? split, OcrOptions options, CancellationToken token)
    {
        var pages = new List<HardPage>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                ConsoleOutput.FileError(folder, "no such folder");
                return ExitCodes.FileFailed;
            }

            pages.AddRange(HardScanEvaluation.FindPages(folder).Where(p => split is null || p.Split == split));
        }

        if (pages.Count == 0)
        {
            ConsoleOutput.FileError(string.Join(", ", folders), "no scan with a NAME.txt ground truth" + (split is null ? string.Empty : $" in split {split}"));
            return ExitCodes.FileFailed;
        }

        using var ocr = new OcrEnginePool(options);
        var evaluation = new HardScanEvaluation(new DocumentReader(ocr), options.Languages);
        // Pages run as many at a time as there are engines; each page's plain tesseract run follows its own read.
        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxParallelPages));
        var done = 0;
        HardPageScore[] scores;
        try
        {
            scores = await Task.WhenAll(pages.Select(async page =>
            {
                await slots.WaitAsync(token);
                try
                {
                    var score = await evaluation.ScoreAsync(page, withTesseract, token);
                    ConsoleOutput.Progress($"{Interlocked.Increment(ref done)}/{pages.Count} pages");
                    return score;
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        catch (DocumentReadException e)
        {
            ConsoleOutput.FileError(string.Join(", ", folders), e.Message);
            return ExitCodes.FileFailed;
        }

        ConsoleOutput.EndProgress();
        var levels = scores.GroupBy(s => (s.Level, Split: "all")).Concat(scores.GroupBy(s => (s.Level, s.Split)))
            .Select(g => Summarise(g.Key.Level, g.Key.Split, g.ToList()))
            .OrderBy(l => l.Level, StringComparer.Ordinal).ThenBy(l => l.Split == "all" ? 0 : 1).ThenBy(l => l.Split, StringComparer.Ordinal)
            .ToList();
        var signed = scores.Where(s => s.SignerRight is not null).ToList();
        var signer = new { right = signed.Count(s => s.SignerRight == true), of = signed.Count, tesseract_right = signed.Count(s => s.TesseractSignerRight == true) };
        if (json)
        {
            ConsoleOutput.Json(new { languages = options.Languages, pages = scores, levels, signer });
            return ExitCodes.Success;
        }

        Console.WriteLine($"{"page",-16} {"level",-9} {"split",-8} {"chars",6} {"cer",8} {"tesseract",10} {"image",-8} {"s",5} {"tess s",6}  signer");
        foreach (var s in scores.OrderBy(s => s.Level, StringComparer.Ordinal).ThenBy(s => s.File, StringComparer.Ordinal))
        {
            var theirs = s.TesseractCer is { } t ? $"{t:P2}" : "-";
            var tessSeconds = s.TesseractSeconds is { } ts ? $"{ts:0.0}" : "-";
            var who = s.ExpectedSigner is null ? string.Empty
                : $"{Mark(s.SignerRight)} {s.Signer?.Title ?? "-"} / {s.Signer?.Name ?? "-"}" + (s.TesseractSigner is null ? string.Empty : $"   tesseract {Mark(s.TesseractSignerRight)} {s.TesseractSigner.Title ?? "-"} / {s.TesseractSigner.Name ?? "-"}");
            Console.WriteLine($"{s.File,-16} {s.Level,-9} {s.Split,-8} {s.TruthCharacters,6} {s.Cer,8:P2} {theirs,10} {s.Image + (s.Seal ? "+seal" : string.Empty),-8} {s.Seconds,5:0.0} {tessSeconds,6}  {who}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"level",-9} {"split",-8} {"pages",5} {"chars",6} {"cer",8} {"tesseract",10} {"ratio",6} {"pages worse",11}");
        foreach (var l in levels)
        {
            var theirs = l.TesseractCer is { } t ? $"{t:P2}" : "-";
            var ratio = l.TesseractCer is > 0 ? $"{l.Cer / l.TesseractCer.Value:0.00}" : "-";
            Console.WriteLine($"{l.Level,-9} {l.Split,-8} {l.Pages,5} {l.Characters,6} {l.Cer,8:P2} {theirs,10} {ratio,6} {l.PagesWorse,11}");
        }

        if (signed.Count > 0)
        {
            Console.WriteLine($"signer title and name right: {signer.right}/{signer.of}" + (withTesseract ? $" (plain tesseract: {signer.tesseract_right}/{signer.of})" : string.Empty));
        }

        return ExitCodes.Success;
    }

    private static string Mark(bool? right) => right == true ? "ok" : "WRONG";

    private static LevelSummary Summarise(string level, string split, List<HardPageScore> scores)
    {
        var characters = scores.Sum(s => s.TruthCharacters);
        var compared = scores.Where(s => s.TesseractErrors is not null).ToList();
        double? theirs = compared.Count == 0 ? null : (double)compared.Sum(s => s.TesseractErrors!.Value) / compared.Sum(s => s.TruthCharacters);
        return new LevelSummary(
            level,
            split,
            scores.Count,
            characters,
            characters == 0 ? 0 : (double)scores.Sum(s => s.Errors) / characters,
            theirs,
            compared.Count(s => s.Errors > s.TesseractErrors!.Value));
    }

    private sealed record LevelSummary(string Level, string Split, int Pages, int Characters, double Cer, double? TesseractCer, int PagesWorse);
}
