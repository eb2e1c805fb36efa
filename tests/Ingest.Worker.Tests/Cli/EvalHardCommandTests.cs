using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

public sealed class EvalHardCommandTests
{
    [Fact]
    public async Task Prints_per_page_and_per_level_figures_and_the_signer_found_under_the_seal()
    {
        var folder = Directory.CreateTempSubdirectory("eval-hard-").FullName;
        foreach (var name in new[] { "sg-3.jpg", "sg-3.txt", "sg-3.signer.txt" })
        {
            File.Copy(RepoPaths.TestData("hard", name), Path.Combine(folder, name));
        }

        File.WriteAllText(Path.Combine(folder, "manifest.tsv"), "file\tlevel\tsplit\tnotes\nsg-3.jpg\tseal\theld-out\t\n");

        var result = await CliRunner.RunAsync("eval-hard", folder, "--json", "--no-tesseract");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var page = Assert.Single(json.RootElement.GetProperty("pages").EnumerateArray());
        Assert.Equal("seal", page.GetProperty("level").GetString());
        Assert.Equal("cleaned", page.GetProperty("image").GetString());
        Assert.True(page.GetProperty("seal").GetBoolean());
        Assert.True(page.GetProperty("signer_right").GetBoolean(), page.GetProperty("signer").ToString());
        Assert.Equal(1, json.RootElement.GetProperty("signer").GetProperty("right").GetInt32());
        var levels = json.RootElement.GetProperty("levels").EnumerateArray().ToList();
        Assert.Contains(levels, l => l.GetProperty("level").GetString() == "seal" && l.GetProperty("split").GetString() == "all");
    }

    [Fact]
    public async Task A_folder_without_pages_is_an_error_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("eval-hard-empty-").FullName;

        var result = await CliRunner.RunAsync("eval-hard", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(folder, Assert.Single(result.ErrorLines));
    }
}
