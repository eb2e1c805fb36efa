using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Extraction.Tests.Reading;

namespace PlanIngest.Extraction.Tests.Pipeline;

[Collection(OcrCollection.Name)]
public sealed class ExtractionPipelineTests(SharedOcr ocr)
{
    private readonly ExtractionPipeline pipeline = ExtractionPipeline.Create(ocr.Pool);

    [Fact]
    public async Task A_record_keeps_each_page_normalised_and_can_be_extracted_again_from_it()
    {
        // Seed 000 (English-model OCR of a scan) cut into two pages, handed over as an opened stream.
        var lines = TestData.Seed("000").Split('\n');
        var text = string.Join('\n', lines.Take(lines.Length / 2)) + "\f" + string.Join('\n', lines.Skip(lines.Length / 2));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var result = await pipeline.ProcessAsync(stream, "inbox/kh51.txt");

        var record = Assert.IsType<DocumentRecord>(result.Value);
        Assert.Equal("inbox/kh51.txt", record.Source.Path);
        Assert.Equal(2, record.Pages.Count);
        Assert.StartsWith("UY BANMTTQ VIETNAM", record.Pages[0].Text);
        Assert.Contains("KẾ HOẠCH", record.Pages[0].Normalized);
        Assert.DoesNotContain('\f', record.Pages[1].Normalized!);
        Assert.Contains("Lưu: VT", record.Pages[1].Normalized!);
        Assert.Equal("51/KH-MTTQ-BTT", record.Fields.Number);
        Assert.Equal(ExtractionPipeline.ExtractorVersion, record.ExtractorVersion);
        Assert.Contains(record.NormalizerWarnings, w => w.Contains("repaired", StringComparison.Ordinal));

        // Re-extraction works from the stored text alone, and agrees with the first run.
        var stored = RecordJson.FromJson(RecordJson.ToJson(record).ToJsonString());
        var again = pipeline.Reextract(stored);
        Assert.Equal(Json(record.Fields), Json(again.Fields));
        Assert.Equal(Json(record.Fields), Json(pipeline.Reextract(stored, renormalize: true).Fields));
    }

    [Fact]
    public async Task Clean_text_has_no_normalizer_warnings()
    {
        var record = (await pipeline.ProcessAsync(TestData.Path("seeds", "003_18ac981a5225b00c.txt"))).Value!;

        Assert.Empty(record.NormalizerWarnings);
        Assert.Equal(record.Pages[0].Text.Normalize(NormalizationForm.FormC), record.Pages[0].Normalized);
    }

    [Theory]
    [InlineData("bad/encrypted.pdf")]
    [InlineData("bad/truncated.pdf")]
    [InlineData("bad/random.bin")]
    [InlineData("bad/png-named.pdf")]
    [InlineData("bad/empty.pdf")]
    [InlineData("bad/no-such-file.pdf")]
    public async Task Bad_files_are_permanent_failures(string file)
    {
        var result = await pipeline.ProcessAsync(TestData.Path(file.Split('/')));

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(FailureKind.Permanent, result.Failure!.Kind);
        Assert.DoesNotContain('\n', result.Failure.Reason);
    }

    [Fact]
    public async Task A_stream_that_breaks_while_read_is_a_transient_failure()
    {
        var result = await pipeline.ProcessAsync(new BreakingStream(), "scanner/half.pdf");

        Assert.Equal(FailureKind.Transient, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_page_out_of_time_is_a_transient_failure()
    {
        using var hurried = new OcrEnginePool(OcrOptions.FromEnvironment() with { PageTimeLimit = TimeSpan.FromMilliseconds(1), MaxParallelPages = 1 });

        var result = await ExtractionPipeline.Create(hurried).ProcessAsync(TestData.Path("scans", "003-p1.png"));

        Assert.Equal(FailureKind.Transient, result.Failure?.Kind);
        Assert.Contains("page 1", result.Failure!.Reason);
    }

    [Fact]
    public async Task A_missing_language_model_is_engine_unavailable()
    {
        using var broken = new OcrEnginePool(OcrOptions.FromEnvironment() with { Languages = "xyz" });

        var result = await ExtractionPipeline.Create(broken).ProcessAsync(TestData.Path("scans", "003-p1.png"));

        Assert.Equal(FailureKind.EngineUnavailable, result.Failure?.Kind);
        Assert.Contains("tesseract-ocr-vie", result.Failure!.Reason);
    }

    [Fact]
    public async Task Cancelling_stops_tesseract_part_way_through_a_page()
    {
        var scan = SourceFile.FromBytes("003-p1.png", await File.ReadAllBytesAsync(TestData.Path("scans", "003-p1.png")));
        var clock = Stopwatch.StartNew();
        Assert.True((await pipeline.ProcessAsync(scan)).Succeeded);
        var wholePage = clock.Elapsed;

        using var stop = new CancellationTokenSource();
        var running = pipeline.ProcessAsync(scan, stop.Token);
        await Task.Delay(wholePage * 0.5);
        stop.Cancel();
        clock.Restart();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        // Waiting for the page would take the other half of it; a cancelled Tesseract returns within words.
        Assert.True(clock.Elapsed < wholePage * 0.2, $"returned {clock.Elapsed.TotalMilliseconds:0} ms after cancel; a page takes {wholePage.TotalMilliseconds:0} ms");
    }

    private static string Json(ExtractedFields fields) => JsonSerializer.Serialize(fields, RecordJson.Options);

    private sealed class BreakingStream : Stream
    {
        private int reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (reads++ > 0)
            {
                throw new IOException("the scanner closed the share");
            }

            buffer[offset] = (byte)'%';
            return 1;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
