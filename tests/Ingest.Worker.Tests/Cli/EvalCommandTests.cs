using System.Text.Json;

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
}
