using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Prints_every_fields_scores_and_a_last_overall_line()
    {
        var result = await CliRunner.RunAsync("eval", "testdata/gold", "testdata/plans/clean");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.Matches(@"^overall_f1=\d\.\d{4}$", lines[^1]);
        foreach (var field in new[] { "doc_type", "number", "issuer.name", "issued_date", "legal_bases", "citations", "indicators", "deadlines", "signer.name", "recipients" })
        {
            Assert.Contains(lines, l => l.StartsWith(field + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Json_has_per_field_and_per_document_scores()
    {
        var result = await CliRunner.RunAsync("eval", "testdata/gold", "testdata/seeds/000_7ba60b1bc562e18d.txt", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("documents").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("overall_f1").GetDouble(), 0.0, 1.0);
        Assert.NotEmpty(json.RootElement.GetProperty("fields").EnumerateArray());
    }

    [Fact]
    public async Task Written_floors_are_one_point_under_the_run_and_a_field_under_its_floor_exits_1()
    {
        var folder = Directory.CreateTempSubdirectory("eval-floors-").FullName;
        try
        {
            var floorsPath = Path.Combine(folder, "floors.json");
            var written = await CliRunner.RunAsync("eval", "testdata/corpus/gold", "testdata/corpus/heldout/clean", "--json", "--write-floors", floorsPath);

            Assert.Equal(0, written.ExitCode);
            using var run = JsonDocument.Parse(written.Stdout);
            var floors = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(floorsPath))!;
            Assert.Equal(Math.Floor(Math.Round((run.RootElement.GetProperty("overall_f1").GetDouble() - 0.01) * 1000, 6)) / 1000, floors["overall"]);
            var issuer = run.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "issuer.name");
            Assert.InRange(issuer.GetProperty("f1").GetDouble() - floors["issuer.name"], 0.0095, 0.011);

            // The same run against its own floors passes; one floor a little above what the run measures fails it.
            Assert.Equal(0, (await CliRunner.RunAsync("eval", "testdata/corpus/gold", "testdata/corpus/heldout/clean", "--floors", floorsPath)).ExitCode);
            floors["overall"] = run.RootElement.GetProperty("overall_f1").GetDouble() + 0.0001;
            File.WriteAllText(floorsPath, JsonSerializer.Serialize(floors));
            var failed = await CliRunner.RunAsync("eval", "testdata/corpus/gold", "testdata/corpus/heldout/clean", "--floors", floorsPath);

            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("overall F1", failed.Stderr);
            Assert.Contains("under its floor", failed.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
