using System.CommandLine;
using System.Text.Json.Nodes;
using PlanIngest.Search.Query;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest search QUERY [--cites NUMBER] [--facet NAME]... [--filter NAME=VALUE]... [--limit N] [--offset N]</c>
/// (CONTRACT.md §2). With or without diacritics, in the garbled form old OCR left: the same documents.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => string.Empty, Description = "Words, \"phrases\", AND/OR/NOT, word*; empty matches every document." };
        var cites = new Option<string?>("--cites") { Description = "Only documents citing this number (any spelling, e.g. 13/CT-UBND)." };
        var facets = new Option<string[]>("--facet") { Description = "Count a facet over the matches: doc_type, issuer, province, level, year, cites, campaign.", AllowMultipleArgumentsPerToken = false };
        var filters = new Option<string[]>("--filter") { Description = "NAME=VALUE: only documents with this facet value (repeatable; all must hold)." };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 10, Description = "Hits to list (default 10)." };
        var offset = new Option<int>("--offset") { Description = "Hits to skip, for paging." };
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var command = new Command("search", "Search the index: ranked hits with snippets, and facet counts.") { query, cites, facets, filters, limit, offset, data, index, catalog, json };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction(async (parsed, token) =>
        {
            var pairs = new List<(string, string)>();
            foreach (var filter in parsed.GetValue(filters) ?? [])
            {
                var equals = filter.IndexOf('=');
                if (equals <= 0)
                {
                    return Usage($"--filter wants NAME=VALUE, not '{filter}'");
                }

                pairs.Add((filter[..equals], filter[(equals + 1)..]));
            }

            var request = new SearchRequest
            {
                Text = parsed.GetValue(query) ?? string.Empty,
                Cites = parsed.GetValue(cites),
                Facets = parsed.GetValue(facets) ?? [],
                Filters = pairs,
                Limit = parsed.GetValue(limit),
                Offset = parsed.GetValue(offset),
            };
            return await RunAsync(request, SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(json), token);
        });
        return command;
    }

    private static async Task<int> RunAsync(SearchRequest request, Catalog.DataFolder folder, bool json, CancellationToken token)
    {
        using var store = await StoreOpener.ForReadingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        SearchResponse response;
        try
        {
            response = new PlanSearcher(store.Index).Search(request);
        }
        catch (BadQueryException e)
        {
            return Usage(e.Message);
        }

        if (json)
        {
            ConsoleOutput.Json(ToJson(response));
            return ExitCodes.Success;
        }

        ConsoleOutput.Line($"{Plural.Of(response.Total, "document")} match");
        var rank = request.Offset;
        foreach (var hit in response.Hits)
        {
            ConsoleOutput.Line($"{++rank,3}. {hit.Number ?? hit.Id[..12]}  {hit.Issuer ?? "–"}{(hit.IssuedDate is null ? string.Empty : $" ({hit.IssuedDate})")}");
            if (hit.Title is not null)
            {
                ConsoleOutput.Line($"     {hit.Title}");
            }

            ConsoleOutput.Line($"     {Terminal.Marks(hit.Snippet)}");
        }

        foreach (var (name, values) in response.Facets)
        {
            ConsoleOutput.Line($"{name}: " + (values.Count == 0 ? "–" : string.Join(", ", values.Select(v => $"{v.Value} {v.Count}"))));
        }

        return ExitCodes.Success;
    }

    /// <summary>The JSON of CONTRACT.md §2; the web API answers with the same.</summary>
    internal static JsonObject ToJson(SearchResponse response)
    {
        var facets = new JsonObject();
        foreach (var (name, values) in response.Facets)
        {
            facets[name] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["value"] = v.Value, ["count"] = v.Count }).ToArray());
        }

        return new JsonObject
        {
            ["total"] = response.Total,
            ["hits"] = new JsonArray(response.Hits.Select(h => (JsonNode)new JsonObject
            {
                ["id"] = h.Id, ["number"] = h.Number, ["title"] = h.Title, ["issuer"] = h.Issuer,
                ["issued_date"] = h.IssuedDate, ["score"] = h.Score, ["snippet"] = h.Snippet,
            }).ToArray()),
            ["facets"] = facets,
        };
    }

    private static int Usage(string message)
    {
        ConsoleOutput.Error($"planingest search: {message}");
        return ExitCodes.Usage;
    }
}
