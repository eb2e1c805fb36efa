using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

public sealed class NormalizeCommandTests
{
    [Fact]
    public async Task Garbled_ocr_text_comes_out_repaired()
    {
        var result = await CliRunner.RunAsync("normalize", "testdata/seeds/000_7ba60b1bc562e18d.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Số: 51/KH-MTTQ-BTT", result.Stdout);
        Assert.Contains("Bình Phước, ngày 3 tháng 03 năm 2021", result.Stdout);
    }

    [Fact]
    public async Task Json_lists_every_change_with_its_reason()
    {
        var result = await CliRunner.RunAsync("normalize", "testdata/seeds/001_316ce1fc83c89dbc.txt", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("repaired").GetBoolean());
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("original").GetString() == "Pang" && c.GetProperty("replacement").GetString() == "Đảng");
        Assert.All(changes, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Clean_unicode_is_left_as_it_is()
    {
        var result = await CliRunner.RunAsync("normalize", "testdata/seeds/004_f85f75833570a4c3.txt", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("repaired").GetBoolean());
        Assert.Empty(json.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_file_is_one_line_and_exit_1()
    {
        var result = await CliRunner.RunAsync("normalize", "testdata/bad/encrypted.pdf");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("testdata/bad/encrypted.pdf: encrypted PDF", Assert.Single(result.ErrorLines));
    }
}
