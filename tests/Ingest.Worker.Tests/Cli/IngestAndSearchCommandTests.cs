using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

[Collection(DataFolderCollection.Name)]
public sealed class IngestAndSearchCommandTests(DataFolderFixture data)
{
    [Fact]
    public void Ingest_prints_one_line_per_file_as_it_finishes_and_adds_each()
    {
        Assert.Equal(0, data.Ingest.ExitCode);
        var lines = data.Ingest.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(13, lines.Count);
        Assert.All(lines, l => Assert.Equal("added", l.GetProperty("outcome").GetString()));
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{64}$", l.GetProperty("id").GetString()));
        Assert.True(File.Exists(Path.Combine(data.Folder, "catalog.db")));
        Assert.True(Directory.Exists(Path.Combine(data.Folder, "index")));
    }

    [Fact]
    public async Task Ingesting_again_reads_nothing_twice_and_a_copy_under_another_name_is_an_alias()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"copy-of-s01-{Guid.NewGuid():N}.txt");
        File.Copy(RepoPaths.TestData("search", "s01_ubnd_huyen_thanh_son_van_hoa_2022.txt"), copy);
        try
        {
            var result = await CliRunner.RunAsync("ingest", copy, "--data", data.Folder);
            var show = await CliRunner.RunAsync("show", "112/KH-UBND", "--data", data.Folder, "--json", "--no-pages");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("already catalogued as", result.Stdout);
            Assert.Contains("1 file: 0 added, 1 already catalogued, 0 failed; the catalog holds 13 documents", result.Stdout);
            Assert.Contains(copy, JsonDocument.Parse(show.Stdout).RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Search_cites_prints_the_contract_json()
    {
        var result = await CliRunner.RunAsync("search", "--cites", "13/CT - UBND", "--facet", "level", "--facet", "year", "--data", data.Folder, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(6, json.GetProperty("total").GetInt32());
        var hit = json.GetProperty("hits")[0];
        Assert.Equal(["id", "number", "title", "issuer", "issued_date", "score", "snippet"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, json.GetProperty("facets").GetProperty("level").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
        Assert.Equal(["value", "count"], json.GetProperty("facets").GetProperty("year")[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("\"gia đình", "unbalanced quotes")]
    [InlineData("*", "cannot parse query")]
    public async Task A_bad_query_is_one_line_and_exit_2(string query, string reason)
    {
        var result = await CliRunner.RunAsync("search", query, "--data", data.Folder);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("planingest search: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task Unknown_facets_filters_and_overlong_queries_are_usage_errors()
    {
        var facet = await CliRunner.RunAsync("search", "x", "--facet", "colour", "--data", data.Folder);
        var filter = await CliRunner.RunAsync("search", "x", "--filter", "level", "--data", data.Folder);
        var longQuery = await CliRunner.RunAsync("search", new string('a', 10_000), "--data", data.Folder);

        Assert.Equal((2, 2, 2), (facet.ExitCode, filter.ExitCode, longQuery.ExitCode));
        Assert.Contains("unknown facet 'colour'", Assert.Single(facet.ErrorLines));
        Assert.Contains("--filter wants NAME=VALUE", Assert.Single(filter.ErrorLines));
        Assert.Contains("10000 characters long", Assert.Single(longQuery.ErrorLines));
    }

    [Fact]
    public async Task Compare_gives_one_row_per_issuer_and_writes_csv_and_xlsx()
    {
        var folder = Directory.CreateTempSubdirectory("planingest-export-").FullName;
        try
        {
            var csv = Path.Combine(folder, "rows.csv");
            var xlsx = Path.Combine(folder, "rows.xlsx");
            var result = await CliRunner.RunAsync("compare", "gia đình văn hóa", "--issuer", "UBND huyện Thanh Sơn", "--csv", csv, "--xlsx", xlsx, "--data", data.Folder, "--json");

            Assert.Equal(0, result.ExitCode);
            var row = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("rows").EnumerateArray());
            Assert.Equal(["issuer", "subject", "unit", "comparator", "values", "documents"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(85m, row.GetProperty("values").GetProperty("2022").GetDecimal());
            Assert.Equal(87m, row.GetProperty("values").GetProperty("2023").GetDecimal());
            Assert.Equal("35/KH-UBND", row.GetProperty("documents").GetProperty("2023").GetString());
            Assert.Equal(2, File.ReadAllLines(csv).Length);
            using var sheet = SpreadsheetDocument.Open(xlsx, false);
            Assert.Equal("compare", sheet.WorkbookPart!.Workbook.Sheets!.ChildElements.Cast<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Show_a_number_gives_the_record_with_cited_by_and_the_ids_of_cited_documents()
    {
        var s01 = JsonDocument.Parse((await CliRunner.RunAsync("show", "112/KH-UBND", "--data", data.Folder, "--json", "--no-pages")).Stdout).RootElement;
        var s02 = await CliRunner.RunAsync("show", "35/KH-UBND", "--data", data.Folder, "--json", "--no-pages");
        var ambiguous = await CliRunner.RunAsync("show", "01/KH-UBND", "--data", data.Folder);

        var json = JsonDocument.Parse(s02.Stdout).RootElement;
        Assert.Equal("35/KH-UBND", json.GetProperty("number").GetString());
        var cited = json.GetProperty("citations").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "112/KH-UBND");
        Assert.Equal(s01.GetProperty("id").GetString(), cited.GetProperty("id").GetString());
        Assert.Contains(json.GetProperty("id").GetString(), s01.GetProperty("cited_by").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("matches several documents", Assert.Single(ambiguous.ErrorLines));
    }

    [Fact]
    public async Task Search_without_a_catalog_says_so_in_one_line()
    {
        var result = await CliRunner.RunAsync("search", "x", "--data", Path.Combine(Path.GetTempPath(), "planingest-nothing-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no catalog here", Assert.Single(result.ErrorLines));
    }
}
