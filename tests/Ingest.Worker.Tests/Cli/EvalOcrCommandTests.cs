using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

public sealed class EvalOcrCommandTests
{
    [Fact]
    public async Task Prints_our_error_rate_and_the_plain_commands_for_each_scan_with_ground_truth()
    {
        var folder = Directory.CreateTempSubdirectory("eval-ocr-").FullName;
        foreach (var name in new[] { "003-p6.png", "003-p6.txt", "003-p6-upside-down.png", "003-p6-upside-down.txt" })
        {
            File.Copy(RepoPaths.TestData("scans", name), Path.Combine(folder, name));
        }

        var result = await CliRunner.RunAsync("eval-ocr", folder, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["003-p6-upside-down.png", "003-p6.png"], files.Select(f => f.GetProperty("file").GetString()));
        Assert.All(files, f => Assert.InRange(f.GetProperty("cer").GetDouble(), 0, 0.01));
        // Plain tesseract does not turn an upside-down page: the reason our engine checks orientation.
        Assert.True(files[0].GetProperty("tesseract_cer").GetDouble() > 0.5);
        Assert.InRange(json.RootElement.GetProperty("cer").GetDouble(), 0, 0.01);
    }

    [Fact]
    public async Task A_folder_without_ground_truth_is_an_error_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("eval-ocr-empty-").FullName;

        var result = await CliRunner.RunAsync("eval-ocr", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(folder + ": ", Assert.Single(result.ErrorLines));
    }
}
