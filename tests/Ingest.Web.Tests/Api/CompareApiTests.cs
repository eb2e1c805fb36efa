using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanIngest.Web.Tests.Infrastructure;
using PlanIngest.Tests;

namespace PlanIngest.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class CompareApiTests(WebFixture web)
{
    private const string Subject = "q=gia%20dinh%20van%20hoa";

    [Fact]
    public async Task Answers_exactly_what_compare_json_prints()
    {
        var api = await web.Http.GetStringAsync($"api/compare?{Subject}&from=2021&to=2023");
        var (code, cli, stderr) = await CliRunner.RunAsync("compare", "gia dinh van hoa", "--from", "2021", "--to", "2023", "--data", web.Data, "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(cli.Trim(), api.Trim());
    }

    [Fact]
    public async Task One_issuers_targets_across_years()
    {
        var json = await web.Http.JsonAsync($"api/compare?{Subject}&issuer=UBND%20huy%E1%BB%87n%20Thanh%20S%C6%A1n");
        var row = json["rows"]!.AsArray().Single()!;
        Assert.Equal(85m, row["values"]!["2022"]!.GetValue<decimal>());
        Assert.Equal(87m, row["values"]!["2023"]!.GetValue<decimal>());
        Assert.Equal("112/KH-UBND", row["documents"]!["2022"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_is_the_cli_export_byte_for_byte()
    {
        using var response = await web.Http.GetAsync($"api/compare?{Subject}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("so-sanh-gia-dinh-van-hoa.csv", response.Content.Headers.ContentDisposition!.FileName);
        var csv = await response.Content.ReadAsByteArrayAsync();

        var path = Path.Combine(web.Data, "..", "compare-cli.csv");
        var (code, _, stderr) = await CliRunner.RunAsync("compare", "gia dinh van hoa", "--csv", path, "--data", web.Data, "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(await File.ReadAllBytesAsync(path), csv);
        Assert.StartsWith("issuer,subject,unit,comparator,", Encoding.UTF8.GetString(csv).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Xlsx_opens_as_a_workbook_with_the_values_as_numbers()
    {
        using var response = await web.Http.GetAsync($"api/compare?{Subject}&issuer=UBND%20huy%E1%BB%87n%20Thanh%20S%C6%A1n&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var numbers = sheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.Number).Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([85m, 87m], numbers);
    }

    [Theory]
    [InlineData("", "'q' is required")]
    [InlineData("q=%20%20", "'q' is required")]
    [InlineData("q=100%25", "names no subject")]
    [InlineData(Subject + "&from=2024&to=2022", "after")]
    [InlineData(Subject + "&from=twenty", "whole number")]
    [InlineData(Subject + "&to=3000", "between 1900 and 2100")]
    [InlineData(Subject + "&format=pdf", "json, csv or xlsx")]
    [InlineData(Subject + "&issuer=%21%21%21", "names no issuing body")]
    [InlineData(Subject + "&year=2022", "unknown parameter 'year'")]
    public async Task A_bad_parameter_is_a_400_that_says_what_is_wrong(string query, string message)
    {
        Assert.Contains(message, await web.Http.ErrorAsync("api/compare?" + query));
    }
}
