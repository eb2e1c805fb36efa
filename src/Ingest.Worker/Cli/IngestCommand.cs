using System.CommandLine;
using System.Diagnostics;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest ingest PATH... [--data DIR | --index DIR]</c>: files and folders (recursively) through the
/// one pipeline into the catalog and the index. A bad file is reported and skipped; the same content
/// under another name becomes an alias. Each file's outcome is printed as it finishes.
/// </summary>
internal static class IngestCommand
{
    // The index is committed at most this often during a run (and at its end): a crash in between loses
    // nothing, because the next run's feed replays what the catalog committed.
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files and folders (walked recursively)." };
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var languages = SharedOptions.OcrLanguages();
        var command = new Command("ingest", "Read files into the catalog and the search index.") { paths, data, index, catalog, json, languages };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction((parsed, token) => RunAsync(
            parsed.GetValue(paths)!, SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(json), SharedOptions.Ocr(parsed, languages), token));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, DataFolder folder, bool json, OcrOptions ocrOptions, CancellationToken token)
    {
        var files = InputFiles.Expand(paths, folder.Root);
        var store = await StoreOpener.ForWritingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        using (store)
        using (var ocr = new OcrEnginePool(ocrOptions))
        {
            var pipeline = ExtractionPipeline.Create(ocr);
            _ = pipeline.WarmUpAsync();
            var ingestor = new DocumentIngestor(pipeline, store.Catalog, store.Feed!);
            var progress = new ProgressMeter(files.Count);
            var counts = new int[3];
            var sinceCommit = Stopwatch.StartNew();
            try
            {
                await Parallel.ForEachAsync(
                    files,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ocrOptions.MaxParallelPages), CancellationToken = token },
                    async (path, ct) =>
                    {
                        var result = await ingestor.IngestAsync(path, ct);
                        Interlocked.Increment(ref counts[(int)result.Outcome]);
                        Report(path, result, json);
                        progress.FileDone(result.Record?.Pages.Count ?? 0);
                        if (sinceCommit.Elapsed > CommitEvery)
                        {
                            sinceCommit.Restart();
                            await ingestor.FlushAsync(ct);
                        }
                    });
            }
            finally
            {
                // Ctrl-C included: what was catalogued is made searchable before leaving.
                await ingestor.FlushAsync(CancellationToken.None);
                ConsoleOutput.EndProgress();
            }

            if (!json)
            {
                var total = await store.Catalog.CountAsync(CancellationToken.None);
                ConsoleOutput.Line($"{Plural.Of(files.Count, "file")}: {counts[(int)IngestOutcome.Added]} added, " +
                    $"{counts[(int)IngestOutcome.Duplicate]} already catalogued, {counts[(int)IngestOutcome.Failed]} failed; " +
                    $"the catalog holds {Plural.Of(total, "document")} ({folder.Root})");
            }

            return counts[(int)IngestOutcome.Failed] == 0 ? ExitCodes.Success : ExitCodes.FileFailed;
        }
    }

    private static void Report(string path, IngestResult result, bool json)
    {
        if (result.Failure is { } failure)
        {
            ConsoleOutput.FileError(path, failure.Reason);
        }

        if (json)
        {
            ConsoleOutput.Json(new
            {
                path,
                outcome = result.Outcome.ToString().ToLowerInvariant(),
                id = result.Id,
                number = result.Record?.Fields.Number,
                title = result.Record?.Fields.Title,
                error = result.Failure?.Reason,
                failure = result.Failure?.Kind switch
                {
                    FailureKind.Permanent => "permanent",
                    FailureKind.Transient => "transient",
                    FailureKind.EngineUnavailable => "engine-unavailable",
                    _ => null,
                },
            });
        }
        else if (result.Outcome == IngestOutcome.Added)
        {
            var fields = result.Record!.Fields;
            ConsoleOutput.Line($"{path}: added {result.Id![..12]} {fields.Number ?? "(no number)"} {fields.Title}".TrimEnd());
        }
        else if (result.Outcome == IngestOutcome.Duplicate)
        {
            ConsoleOutput.Line($"{path}: already catalogued as {result.Id![..12]} (name recorded as an alias)");
        }
    }
}
