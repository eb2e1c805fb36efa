using System.Buffers.Binary;
using PlanIngest.Extraction.Reading;
using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// One page of a scan whose image data is damaged costs that page, with a warning in the record, not the
/// document; a scan none of whose pages can be read is still a failed document. The damaged scans are the
/// first pages of the real 004.tif with a page's strip pointed past the end of the file (libtiff's "read fail").
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class BadPageTests(SharedOcr ocr)
{
    [Fact]
    public async Task Damaged_second_page_is_an_empty_page_with_its_reason_and_the_first_is_kept()
    {
        var pipeline = ExtractionPipeline.Create(ocr.Pool);
        var tiff = FirstPagesOf004(pages: 2, damaged: [2]);

        var result = await pipeline.ProcessAsync(SourceFile.FromBytes("two-pages.tif", tiff));

        Assert.Null(result.Failure);
        var record = result.Value!;
        Assert.Equal(2, record.Source.Pages);
        var (first, second) = (record.Pages[0], record.Pages[1]);
        Assert.Null(first.Error);
        Assert.Contains("thi đua", first.Normalized);
        Assert.Equal(string.Empty, second.Text);
        Assert.Contains("could not be decoded", second.Error);
        Assert.StartsWith("page 2: not read (", record.Fields.Warnings[0]);
        Assert.DoesNotContain(record.Fields.Warnings, w => w.StartsWith("page 1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_whose_every_page_is_damaged_fails_with_the_first_page_named()
    {
        var pipeline = ExtractionPipeline.Create(ocr.Pool);
        var tiff = FirstPagesOf004(pages: 2, damaged: [1, 2]);

        var result = await pipeline.ProcessAsync(SourceFile.FromBytes("unreadable.tif", tiff));

        Assert.NotNull(result.Failure);
        Assert.Equal(FailureKind.Permanent, result.Failure.Kind);
        Assert.StartsWith("none of its 2 pages could be read (page 1: ", result.Failure.Reason);
    }

    // 004.tif is little-endian with one strip per page: cut the directory chain after `pages` and point the
    // StripOffsets (tag 273) of each damaged page past the end of the file.
    private static byte[] FirstPagesOf004(int pages, int[] damaged)
    {
        var tiff = File.ReadAllBytes(RepoPaths.TestData("scans", "004.tif"));
        var ifd = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        for (var page = 1; page <= pages; page++)
        {
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan((int)ifd));
            var nextAt = (int)ifd + 2 + (entries * 12);
            if (damaged.Contains(page))
            {
                var strip = Enumerable.Range(0, entries).Select(i => (int)ifd + 2 + (i * 12)).Single(at => BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) == 273);
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(strip + 8), (uint)tiff.Length + 1000);
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(nextAt));
            if (page == pages)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(nextAt), 0);
            }

            ifd = next;
        }

        return tiff;
    }
}
