using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

public sealed class ExtractCommandTests
{
    [Fact]
    public async Task Json_record_has_the_contract_source_and_page_texts()
    {
        var result = await CliRunner.RunAsync("extract", "testdata/scans/003-p1.png", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var source = json.RootElement.GetProperty("source");
        Assert.Equal("testdata/scans/003-p1.png", source.GetProperty("path").GetString());
        Assert.Matches("^[0-9a-f]{64}$", source.GetProperty("sha256").GetString());
        Assert.Equal("image/png", source.GetProperty("media_type").GetString());
        Assert.Equal(1, source.GetProperty("pages").GetInt32());
        Assert.True(source.GetProperty("ocr").GetBoolean());
        Assert.InRange(source.GetProperty("ocr_confidence").GetDouble(), 0.8, 1.0);
        var page = Assert.Single(json.RootElement.GetProperty("pages").EnumerateArray());
        Assert.Equal("ocr", page.GetProperty("method").GetString());
        Assert.Contains("Mặt trận Tổ quốc Việt Nam", page.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Several_files_give_one_json_object_per_line()
    {
        var result = await CliRunner.RunAsync("extract", "--json", "--no-pages", "testdata/scans/004.docx", "testdata/seeds/000_7ba60b1bc562e18d.txt");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var types = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("media_type").GetString()).Order();
        Assert.Equal(["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain"], types);
    }

    [Fact]
    public async Task Without_json_a_person_gets_a_summary()
    {
        var result = await CliRunner.RunAsync("extract", "testdata/scans/004-text.pdf");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("testdata/scans/004-text.pdf: application/pdf, 5 pages", result.Stdout);
    }
}
