using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;
using PlanIngest.Search.Compare;
using PlanIngest.Search.Query;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest compare QUERY [--issuer NAME] [--from YEAR] [--to YEAR] [--csv FILE] [--xlsx FILE]</c>
/// (CONTRACT.md §3): one body's targets for one subject, a value per year with the document behind it.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "The subject, e.g. \"gia đình văn hóa\" (with or without diacritics)." };
        var issuer = new Option<string?>("--issuer") { Description = "Only this issuing body (e.g. \"UBND huyện Nghĩa Hưng\")." };
        var from = new Option<int?>("--from") { Description = "First year." };
        var to = new Option<int?>("--to") { Description = "Last year." };
        var csv = new Option<string?>("--csv") { Description = "Also write the rows to this CSV file." };
        var xlsx = new Option<string?>("--xlsx") { Description = "Also write the rows to this XLSX file." };
        var data = SharedOptions.Data();
        var index = SharedOptions.Index();
        var catalog = SharedOptions.Catalog();
        var json = SharedOptions.Json();
        var command = new Command("compare", "Compare indicators across years, by issuer and subject.") { query, issuer, from, to, csv, xlsx, data, index, catalog, json };
        SharedOptions.NotBoth(command, data, index, catalog);
        command.SetAction((parsed, token) => RunAsync(
            new CompareRequest(parsed.GetValue(query)!, parsed.GetValue(issuer), parsed.GetValue(from), parsed.GetValue(to)),
            parsed.GetValue(csv), parsed.GetValue(xlsx), SharedOptions.Folder(parsed, data, index, catalog), parsed.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(CompareRequest request, string? csv, string? xlsx, Catalog.DataFolder folder, bool json, CancellationToken token)
    {
        using var store = await StoreOpener.ForReadingAsync(folder, token);
        if (store is null)
        {
            return ExitCodes.FileFailed;
        }

        CompareResult result;
        try
        {
            result = new IndicatorComparer(store.Index).Compare(request);
        }
        catch (BadQueryException e)
        {
            ConsoleOutput.Error($"planingest compare: {e.Message}");
            return ExitCodes.Usage;
        }

        if (!TryExport(csv, path => CompareExport.WriteCsv(result, path)) || !TryExport(xlsx, path => CompareExport.WriteXlsx(result, path)))
        {
            return ExitCodes.FileFailed;
        }

        if (json)
        {
            ConsoleOutput.Json(ToJson(result));
            return ExitCodes.Success;
        }

        ConsoleOutput.Line(Plural.Of(result.Rows.Count, "row"));
        foreach (var row in result.Rows)
        {
            var unit = row.Unit == "%" ? "%" : " " + row.Unit;
            ConsoleOutput.Line($"{row.Issuer} – {row.Subject} ({ContractNames.Of(row.Comparator)}, {row.Unit ?? "no unit"})");
            foreach (var (year, value) in row.Values.OrderBy(v => v.Key))
            {
                ConsoleOutput.Line($"  {year}  {value.ToString(CultureInfo.InvariantCulture),8}{unit}  {row.Documents[year]}");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The JSON of CONTRACT.md §3; the web API answers with the same.</summary>
    internal static JsonObject ToJson(CompareResult result) => new() { ["rows"] = new JsonArray(result.Rows.Select(ToJson).ToArray()) };

    private static JsonNode ToJson(CompareRow row)
    {
        var values = new JsonObject();
        var documents = new JsonObject();
        foreach (var (year, value) in row.Values.OrderBy(v => v.Key))
        {
            values[year.ToString(CultureInfo.InvariantCulture)] = value;
            documents[year.ToString(CultureInfo.InvariantCulture)] = row.Documents[year];
        }

        return new JsonObject
        {
            ["issuer"] = row.Issuer, ["subject"] = row.Subject, ["unit"] = row.Unit, ["comparator"] = ContractNames.Of(row.Comparator),
            ["values"] = values, ["documents"] = documents,
        };
    }

    private static bool TryExport(string? path, Action<string> write)
    {
        if (path is null)
        {
            return true;
        }

        try
        {
            write(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ConsoleOutput.FileError(path, $"cannot be written: {e.Message}");
            return false;
        }
    }
}
