using System.CommandLine;
using System.Text.Json;
using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest reextract [--data DIR] [--renormalize]</c>: extraction run again over every catalogued
/// document's stored text (no OCR, no file read), records whose fields change replaced under a new
/// sequence, then the index caught up. For when the extractor improves.
/// </summary>
internal static class ReextractCommand
{
    private const int BatchSize = 200;

    public static Command Create()
    {
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var renormalize = new Option<bool>("--renormalize") { Description = "Normalise the stored page texts as read again first (for when the normaliser improved too)." };
        var command = new Command("reextract", "Re-run extraction over the catalog's stored texts, then reindex.") { data, index, catalog, json, renormalize };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction((parsed, token) => RunAsync(SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(renormalize), parsed.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(DataFolder folder, bool renormalize, bool json, CancellationToken token)
    {
        if (!folder.HasCatalog)
        {
            ConsoleOutput.FileError(folder.CatalogPath, "no catalog here (run planingest ingest first, or give --data DIR)");
            return ExitCodes.FileFailed;
        }

        using var store = await StoreOpener.ForWritingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        // No page is OCRed: the pool is there only because the pipeline is built with one, and loads no engine.
        using var ocr = new OcrEnginePool(OcrOptions.FromEnvironment());
        var pipeline = ExtractionPipeline.Create(ocr);
        var catalog = store.Catalog;

        // Documents replaced here get sequences past this one, so the walk visits each document once.
        var last = await catalog.LastSequenceAsync(token);
        var total = await catalog.CountAsync(token);
        var (seen, changed, cursor) = (0, 0, 0L);
        while (true)
        {
            var batch = (await catalog.ChangesAfterAsync(cursor, BatchSize, token)).Where(d => d.Sequence <= last).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var document in batch)
            {
                var again = pipeline.Reextract(document.Record, renormalize);
                if (Json(again.Fields) != Json(document.Record.Fields) || again.ExtractorVersion != document.Record.ExtractorVersion
                    || !again.NormalizerWarnings.SequenceEqual(document.Record.NormalizerWarnings))
                {
                    await catalog.ReplaceAsync(document.Id, again, token);
                    changed++;
                }

                seen++;
                cursor = document.Sequence;
            }

            ConsoleOutput.Progress($"{seen}/{total} documents re-extracted, {changed} changed");
        }

        var indexed = await store.Feed!.CatchUpAsync(token);
        if (json)
        {
            ConsoleOutput.Json(new { documents = seen, changed, indexed, extractor_version = ExtractionPipeline.ExtractorVersion });
        }
        else
        {
            ConsoleOutput.Line($"{Plural.Of(seen, "document")} re-extracted with {ExtractionPipeline.ExtractorVersion}: {changed} changed, {indexed} reindexed");
        }

        return ExitCodes.Success;
    }

    private static string Json(ExtractedFields fields) => JsonSerializer.Serialize(fields, RecordJson.Options);
}
