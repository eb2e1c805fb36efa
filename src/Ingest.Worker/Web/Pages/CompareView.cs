using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PlanIngest.Search.Compare;
using PlanIngest.Worker.Web.Api;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>What the comparison page shows: the form as filled in, the rows, one chart per unit (a % and a count never share an axis), the export links.</summary>
public sealed record CompareView(string Subject, string Issuer, string From, string To, CompareResult? Result, string? Error)
{
    public IReadOnlyList<ChartSeries> Charts => Result is null ? [] : Result.Rows
        .GroupBy(r => r.Unit ?? string.Empty)
        .Select(g => ChartSeries.Of(g.Key, g.ToList()))
        .ToList();

    public string ExportLink(string format)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Subject) };
        if (Issuer.Length > 0)
        {
            pairs.Add(new("issuer", Issuer));
        }

        if (From.Length > 0)
        {
            pairs.Add(new("from", From));
        }

        if (To.Length > 0)
        {
            pairs.Add(new("to", To));
        }

        pairs.Add(new("format", format));
        return "/api/compare" + QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>The link to a value's document: by id when the row names an id, else by its number.</summary>
    public static string DocumentLink(string document) =>
        Originals.DocumentId.IsValid(document) ? "/documents/" + document : "/go?number=" + Uri.EscapeDataString(document);
}

/// <summary>One line chart's data, as the chart script reads it from the canvas's data-chart attribute.</summary>
public sealed record ChartSeries(string Unit, string Json)
{
    public static ChartSeries Of(string unit, IReadOnlyList<CompareRow> rows)
    {
        var years = rows.SelectMany(r => r.Values.Keys).Distinct().Order().ToList();
        var series = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["label"] = $"{r.Issuer} — {r.Subject}",
            ["values"] = new JsonArray(years.Select(y => r.Values.TryGetValue(y, out var v) ? JsonValue.Create(v) : null).ToArray<JsonNode?>()),
        }).ToArray());
        var data = new JsonObject
        {
            ["unit"] = unit,
            ["years"] = new JsonArray(years.Select(y => (JsonNode)y.ToString(CultureInfo.InvariantCulture)).ToArray()),
            ["series"] = series,
        };
        return new ChartSeries(unit, data.ToJsonString(WebJson.Options));
    }
}
