using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

/// <summary>The defects a new user found in the command line (issue 8), each reproduced as they met it.</summary>
public sealed class CliDefectTests
{
    private const string Clean = "testdata/seeds/003_18ac981a5225b00c.txt";

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "planingest.dll");

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_not_a_file_name()
    {
        var result = await CliRunner.RunAsync("extract", Clean, "--jsn");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--jsn'", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task After_a_double_dash_a_name_that_starts_with_a_dash_is_a_file()
    {
        var result = await CliRunner.RunAsync("extract", "--", "-not-an-option.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("-not-an-option.txt: no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Errors_written_to_a_shared_log_file_are_appended_in_order()
    {
        var log = Path.GetTempFileName();
        try
        {
            await Bash($"(echo x; dotnet '{Dll}' extract missing.pdf; echo y) > '{log}' 2>&1");
            Assert.Equal(["x", "missing.pdf: no such file", "y"], File.ReadAllLines(log));

            Assert.Equal(1, (await BashResult($"dotnet '{Dll}' extract {Clean} missing.pdf > '{log}' 2>&1")).Code);
            var text = File.ReadAllText(log);
            Assert.Contains("missing.pdf: no such file\n", text);
            Assert.Contains($"{Clean}: text/plain, 1 page", text);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public async Task On_a_terminal_the_progress_line_is_ended_before_an_error_is_printed()
    {
        // script(1) gives planingest a terminal, so that it shows progress; files are read one at a time, in order.
        var (code, screen, _) = await BashResult($"PLANINGEST_OCR_THREADS=1 script -qec \"dotnet '{Dll}' extract {Clean} testdata/seeds/004_f85f75833570a4c3.txt missing.pdf\" /dev/null");

        Assert.Equal(1, code);

        Assert.Contains("2/3 files", screen);
        var errorLine = screen.Split('\n').Single(l => l.Contains("missing.pdf:", StringComparison.Ordinal)).TrimEnd('\r');
        // What the terminal shows on that line is what follows the last carriage return, minus "erase to end of line".
        var shown = errorLine[(errorLine.LastIndexOf('\r') + 1)..].Replace("\u001b[K", string.Empty, StringComparison.Ordinal);
        Assert.Equal("missing.pdf: no such file", shown);
    }

    [Fact]
    public async Task Json_records_come_out_as_each_file_finishes()
    {
        // The text file is done in milliseconds; the five-page TIFF takes seconds of OCR.
        using var process = CliRunner.Start(new Dictionary<string, string> { ["PLANINGEST_OCR_THREADS"] = "2" }, "extract", "--json", "--no-pages", "testdata/scans/004.tif", Clean);
        _ = process.StandardError.ReadToEndAsync();

        var first = await process.StandardOutput.ReadLineAsync();
        var stillRunning = !process.HasExited;
        var second = await process.StandardOutput.ReadLineAsync();
        await process.WaitForExitAsync();

        Assert.True(stillRunning, "the first record arrived only when the whole run was over");
        Assert.Equal(Clean, JsonDocument.Parse(first!).RootElement.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal("testdata/scans/004.tif", JsonDocument.Parse(second!).RootElement.GetProperty("source").GetProperty("path").GetString());
        Assert.Null(await process.StandardOutput.ReadLineAsync());
    }

    [Fact]
    public async Task The_main_job_script_pipes_clean_json_to_jq_without_rebuilding_and_puts_planingest_on_the_path()
    {
        var bin = Directory.CreateTempSubdirectory("planingest-bin-").FullName;
        try
        {
            var built = File.GetLastWriteTimeUtc(Path.Combine(RepoPaths.Root, "src/Ingest.Worker/bin/Release/net10.0/planingest.dll"));
            var media = await Bash($"PLANINGEST_BIN_DIR='{bin}' bash scripts/run.sh extract {Clean} --json | jq -r .source.media_type");
            var again = await BashResult($"PLANINGEST_BIN_DIR='{bin}' bash scripts/run.sh extract {Clean} --json | jq -c .number");
            var onPath = await Bash($"PATH='{bin}':\"$PATH\" planingest help");

            Assert.Equal("text/plain\n", media);
            Assert.Equal((0, "null\n"), (again.Code, again.Stdout));
            // Nothing from the build on either stream: only the note that the test's bin folder is not on the PATH.
            Assert.Equal($"run: planingest is in {bin}, which is not on your PATH\n", again.Stderr);
            Assert.Equal(built, File.GetLastWriteTimeUtc(Path.Combine(RepoPaths.Root, "src/Ingest.Worker/bin/Release/net10.0/planingest.dll")));
            Assert.Contains("ingest", onPath);
            Assert.Contains("search", onPath);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    public async Task Planingest_alone_and_planingest_help_list_the_verbs()
    {
        var bare = await CliRunner.RunAsync();
        var help = await CliRunner.RunAsync("help");
        var verb = await CliRunner.RunAsync("help", "search");

        Assert.Equal((2, 0, 0), (bare.ExitCode, help.ExitCode, verb.ExitCode));
        foreach (var name in new[] { "extract", "ingest", "search", "compare", "show", "reindex", "reextract", "normalize", "eval" })
        {
            Assert.Contains($"\n  {name} ", help.Stdout);
        }

        Assert.Equal(bare.Stdout, help.Stdout);
        Assert.Contains("--cites", verb.Stdout);
    }

    [Fact]
    public async Task The_summary_shows_every_field_with_the_right_plurals()
    {
        var result = await CliRunner.RunAsync("extract", "testdata/seeds/000_7ba60b1bc562e18d.txt");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("testdata/seeds/000_7ba60b1bc562e18d.txt: text/plain, 1 page", lines[0]);
        Assert.DoesNotContain("page(s)", result.Stdout);
        foreach (var field in new[] { "type", "number", "issuer", "parent", "place", "date", "title", "years", "legal bases", "citations", "indicators", "deadlines", "campaigns", "signer", "recipients", "warnings", "text" })
        {
            Assert.Contains(lines, l => l.StartsWith($"  {field} ", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("  citations   7 documents", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  signer      TM. Ban Thường trực", StringComparison.Ordinal));
        // Seed 000 is English-model OCR: the summary shows the repaired text, and says that it was repaired.
        Assert.Contains(lines, l => l.StartsWith("  text        ỦY BAN MTTQ VIỆT NAM", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("accent-stripped OCR text repaired", StringComparison.Ordinal));
    }

    private static async Task<string> Bash(string command)
    {
        var (code, stdout, stderr) = await BashResult(command);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return stdout;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> BashResult(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
