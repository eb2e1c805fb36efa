using System.CommandLine;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest show ID|NUMBER [--json]</c>: one document's record, the catalogued documents that cite it
/// ("cited by"), and for each of its citations the id of the cited document where it is catalogued.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("ID|NUMBER") { Description = "A document id (its SHA-256, or the first characters of it) or a document number." };
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var noPages = new Option<bool>("--no-pages") { Description = "Leave the page texts out of the JSON." };
        var command = new Command("show", "Show one document with what cites it and what it cites.") { what, data, index, catalog, json, noPages };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction((parsed, token) => RunAsync(parsed.GetValue(what)!, SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(json), !parsed.GetValue(noPages), token));
        return command;
    }

    private static async Task<int> RunAsync(string what, DataFolder folder, bool json, bool includePages, CancellationToken token)
    {
        using var store = await StoreOpener.ForReadingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        var catalog = store.Catalog;
        var ids = await catalog.FindIdsAsync(what, 2, token);
        if (ids.Count == 0 && DocumentNumber.Parse(what).ValueOrNull is { } number)
        {
            ids = (await catalog.FindByNumberAsync(number.Key, token)).Select(d => d.Id).ToList();
        }

        if (ids.Count != 1)
        {
            ConsoleOutput.Error(ids.Count == 0
                ? $"{what}: no catalogued document has this id or number"
                : $"{what}: matches several documents ({string.Join(", ", ids.Select(i => i[..12]))}); give more of the id");
            return ExitCodes.FileFailed;
        }

        var document = (await catalog.GetAsync(ids[0], token))!;
        var resolver = new CitationResolver(catalog);
        var citedBy = await resolver.CitedByAsync(document, token);
        var cites = await resolver.CitesAsync(document, token);
        var aliases = await catalog.AliasesAsync(document.Id, token);
        if (json)
        {
            var output = ToJson(document, aliases, cites, citedBy, includePages);
            ConsoleOutput.Json(output);
            return ExitCodes.Success;
        }

        ConsoleOutput.Line($"id {document.Id}" + (aliases.Count > 0 ? $" (also {string.Join(", ", aliases)})" : string.Empty));
        ConsoleOutput.Line(string.Join('\n', RecordSummary.Lines(document.Record)));
        var catalogued = document.Record.Fields.Citations.Select((c, i) => (c, cites[i])).Where(p => p.Item2 is not null).ToList();
        ConsoleOutput.Line($"  {"cites",-12}{(catalogued.Count == 0 ? "– (none of its citations is catalogued)" : Plural.Of(catalogued.Count, "catalogued document"))}");
        foreach (var (citation, id) in catalogued)
        {
            ConsoleOutput.Line($"{new string(' ', 14)}- {citation.Number} → {id![..12]}");
        }

        ConsoleOutput.Line($"  {"cited by",-12}{(citedBy.Count == 0 ? "–" : Plural.Of(citedBy.Count, "document"))}");
        foreach (var c in citedBy)
        {
            ConsoleOutput.Line($"{new string(' ', 14)}- {c.Number ?? c.Id[..12]} {c.Issuer} {(c.IssuedDate is null ? string.Empty : $"({c.IssuedDate})")}".TrimEnd());
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The record of CONTRACT.md §1 with the document's id and aliases first, each citation's catalogued
    /// <c>id</c> (or null) and <c>cited_by</c>; the web API's document answer is the same.
    /// </summary>
    internal static JsonObject ToJson(CatalogDocument document, IReadOnlyList<string> aliases, IReadOnlyList<string?> cites, IReadOnlyList<DocumentSummary> citedBy, bool includePages)
    {
        var node = RecordJson.ToJson(document.Record, includePages);
        var citations = node["citations"]!.AsArray();
        for (var i = 0; i < citations.Count; i++)
        {
            citations[i]!["id"] = cites[i];
        }

        var output = new JsonObject { ["id"] = document.Id, ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode?)a).ToArray()) };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            output[name] = value;
        }

        output["cited_by"] = new JsonArray(citedBy.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["number"] = c.Number, ["title"] = c.Title, ["issuer"] = c.Issuer, ["issued_date"] = c.IssuedDate,
        }).ToArray());
        return output;
    }
}
