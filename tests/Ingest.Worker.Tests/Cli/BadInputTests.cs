using System.Text.Json;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Cli;

/// <summary>Every kind of bad input gets exit 1 and one line naming the file and the reason, and never stops the others.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("empty.pdf", "empty file")]
    [InlineData("truncated.pdf", "truncated")]
    [InlineData("encrypted.pdf", "encrypted")]
    [InlineData("png-named.pdf", "name says PDF but the file holds PNG")]
    [InlineData("huge.png", "too large")]
    [InlineData("random.bin", "unsupported content")]
    public async Task Bad_file_exits_1_with_one_line_naming_it_and_the_reason(string file, string reason)
    {
        var path = Path.Combine("testdata", "bad", file);

        var result = await CliRunner.RunAsync("extract", path, "--json");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"{path}: ", line);
        Assert.Contains(reason, line, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Theory]
    [InlineData("003-p1.png", 30_000, "damaged or truncated")]
    [InlineData("003-p6.jpg", 50_000, "damaged or truncated")]
    [InlineData("004.tif", 60_000, "damaged or truncated")]
    [InlineData("004.docx", 3_000, "malformed DOCX")]
    public async Task Truncated_scan_or_docx_gets_one_line_however_loud_the_native_decoder(string fixture, int keepBytes, string reason)
    {
        // libpng and libjpeg print their own complaints on stderr; the promise is one line per file.
        var path = Path.Combine(Directory.CreateTempSubdirectory("truncated-").FullName, fixture);
        await File.WriteAllBytesAsync(path, File.ReadAllBytes(RepoPaths.TestData("scans", fixture))[..keepBytes]);

        var result = await CliRunner.RunAsync("extract", path, "--json");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"{path}: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task Missing_path_is_named()
    {
        var result = await CliRunner.RunAsync("extract", "no/such/file.pdf");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("no/such/file.pdf: no such file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Good_files_in_the_same_run_are_still_read()
    {
        string[] bad = ["testdata/bad/empty.pdf", "testdata/bad/truncated.pdf", "testdata/bad/encrypted.pdf", "testdata/bad/png-named.pdf", "testdata/bad/huge.png", "testdata/bad/random.bin", "nope.txt"];
        string[] good = ["testdata/seeds/004_f85f75833570a4c3.txt", "testdata/scans/004-flate.pdf"];

        var result = await CliRunner.RunAsync(["extract", "--json", "--no-pages", good[0], .. bad, good[1]]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(bad.Length, result.ErrorLines.Length);
        Assert.All(bad, b => Assert.Contains(result.ErrorLines, l => l.StartsWith(b + ": ", StringComparison.Ordinal)));
        var paths = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("source").GetProperty("path").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(good.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public async Task A_page_over_the_ocr_time_limit_fails_with_the_page_named_instead_of_hanging()
    {
        var limit = new Dictionary<string, string> { ["PLANINGEST_OCR_PAGE_SECONDS"] = "0.05" };

        var result = await CliRunner.RunAsync(limit, "extract", "testdata/scans/003-p3.png", "--json");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("testdata/scans/003-p3.png: page 1: ", line);
        Assert.Contains("page limit", line);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("no-such-verb", "x.txt")]
    [InlineData("extract", "x.txt", "--lang")]
    public async Task Usage_error_exits_2(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("planingest --help", result.Stderr);
    }
}
