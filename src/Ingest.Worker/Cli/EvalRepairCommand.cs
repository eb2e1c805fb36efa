using System.CommandLine;
using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest eval-repair [DIR]</c>: how much of damaged OCR text the normaliser puts right.</summary>
internal static class EvalRepairCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "Folder of pairs: subfolders with clean.txt and damaged.txt.", DefaultValueFactory = _ => "testdata/repair" };
        var json = SharedOptions.Json();
        var errors = new Option<bool>("--errors") { Description = "Also list every word still wrong after repair (clean, read, repaired, context)." };
        var command = new Command("eval-repair", "Measure OCR repair: folded-syllable accuracy and exact diacritics, before and after.") { folder, json, errors };
        command.SetAction(parsed => Run(parsed.GetValue(folder)!, parsed.GetValue(json), parsed.GetValue(errors)));
        return command;
    }

    private static int Run(string folder, bool json, bool errors)
    {
        if (!Directory.Exists(folder))
        {
            ConsoleOutput.FileError(folder, "no such folder");
            return ExitCodes.FileFailed;
        }

        var pairs = RepairEvaluation.FindPairs(folder);
        if (pairs.Count == 0)
        {
            ConsoleOutput.FileError(folder, "no subfolder holds clean.txt and damaged.txt");
            return ExitCodes.FileFailed;
        }

        var normalizer = new TextNormalizer();
        var scores = pairs.Select(p => RepairEvaluation.ScoreFolder(p, normalizer.Normalize)).ToList();
        if (errors && !json)
        {
            foreach (var pair in pairs)
            {
                var damaged = File.ReadAllText(Path.Combine(pair, "damaged.txt"));
                foreach (var m in RepairEvaluation.Mistakes(File.ReadAllText(Path.Combine(pair, "clean.txt")), damaged, normalizer.Normalize(damaged)))
                {
                    Console.WriteLine($"{Path.GetFileName(pair)}\t{m.Clean}\t{m.Damaged}\t{m.Repaired}\t{m.Diagnosis}\t{m.Context}");
                }
            }
        }

        var total = RepairEvaluation.Total(scores);
        if (json)
        {
            ConsoleOutput.Json(new { pairs = scores, total });
            return ExitCodes.Success;
        }

        Console.WriteLine($"{"pair",-26} {"words",6} {"folded",8} {"->",8} {"exact",8} {"->",8} {"hdr",5} {"hdr exact",9} {"->",8}");
        foreach (var s in scores.Append(total))
        {
            Console.WriteLine($"{s.Name,-26} {s.Before.Words,6} {s.Before.FoldedAccuracy,8:P1} {s.After.FoldedAccuracy,8:P1} {s.Before.ExactAccuracy,8:P1} {s.After.ExactAccuracy,8:P1} " +
                $"{s.Before.HeaderWords,5} {s.Before.HeaderExactAccuracy,9:P1} {s.After.HeaderExactAccuracy,8:P1}");
        }

        Console.WriteLine($"folded_before={total.Before.FoldedAccuracy:F4} folded_after={total.After.FoldedAccuracy:F4} " +
            $"exact_before={total.Before.ExactAccuracy:F4} exact_after={total.After.ExactAccuracy:F4} " +
            $"header_folded_after={total.After.HeaderFoldedAccuracy:F4} header_exact_before={total.Before.HeaderExactAccuracy:F4} header_exact_after={total.After.HeaderExactAccuracy:F4}");
        return ExitCodes.Success;
    }
}
