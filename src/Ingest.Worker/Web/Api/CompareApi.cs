using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanIngest.Search.Compare;
using PlanIngest.Worker.Cli;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// <c>GET /api/compare?q=…&amp;issuer=…&amp;from=YEAR&amp;to=YEAR&amp;format=json|csv|xlsx</c>: the JSON of
/// CONTRACT.md §3, or the same rows as a CSV or XLSX file written by the Search project's exports.
/// </summary>
internal static class CompareApi
{
    public static readonly string[] Names = ["q", "issuer", "from", "to", "format"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/compare", async (HttpRequest request, IndicatorComparer comparer, CancellationToken token) =>
        {
            var reader = new QueryReader(request.Query, Names);
            var format = (reader.Text("format", 10) ?? "json").Trim().ToLowerInvariant();
            if (format is not ("json" or "csv" or "xlsx"))
            {
                throw new BadParameterException($"'format' must be json, csv or xlsx, not '{format}'");
            }

            var compare = CompareParameters.Read(reader);
            var result = comparer.Compare(compare);
            return format switch
            {
                "csv" => await FileAsync(result, compare, "csv", "text/csv; charset=utf-8", CompareExport.WriteCsv, token),
                "xlsx" => await FileAsync(result, compare, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", CompareExport.WriteXlsx, token),
                _ => WebJson.Of(CompareCommand.ToJson(result)),
            };
        });

    /// <summary>The file name of an export: "so-sanh-gia-dinh-van-hoa.csv".</summary>
    public static string FileName(CompareRequest request, string extension) =>
        "so-sanh-" + SubjectKey.Of(request.Query).Replace(' ', '-') + "." + extension;

    // The exports write to a path (what the CLI needs); a temporary file is read back and removed.
    private static async Task<IResult> FileAsync(CompareResult result, CompareRequest request, string extension, string mediaType, Action<CompareResult, string> write, CancellationToken token)
    {
        var path = Path.Combine(Path.GetTempPath(), $"planingest-{Guid.NewGuid():N}.{extension}");
        try
        {
            write(result, path);
            var bytes = await File.ReadAllBytesAsync(path, token);
            return Results.File(bytes, mediaType, FileName(request, extension));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
