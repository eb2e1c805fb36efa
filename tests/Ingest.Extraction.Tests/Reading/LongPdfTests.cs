using System.Security.Cryptography;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>
/// A PDF read from disk as needed (the worker's archive copy) gives what the same bytes in memory give,
/// page for page, across the reopenings of PdfPig's document that keep a long scan's images from piling up.
/// The PDF is written here (40 pages of text layer, so no OCR is needed to tell the pages apart).
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class LongPdfTests(SharedOcr ocr) : IDisposable
{
    private const int Pages = 40;
    private readonly string folder = Directory.CreateTempSubdirectory("planingest-longpdf-").FullName;

    [Fact]
    public async Task Pdf_read_from_disk_keeps_every_page_in_order_and_matches_the_bytes_in_memory()
    {
        var path = Path.Combine(folder, "long.pdf");
        var bytes = BuildPdf();
        await File.WriteAllBytesAsync(path, bytes);

        var onDisk = await SourceFile.FromStableFileAsync("long.pdf", path, CancellationToken.None);
        var inMemory = SourceFile.FromBytes("long.pdf", bytes);

        Assert.Equal(path, onDisk.FilePath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), onDisk.Sha256);
        Assert.Equal(ContentKind.Pdf, onDisk.Kind);
        var fromDisk = await ocr.Reader.ReadAsync(onDisk);
        var fromMemory = await ocr.Reader.ReadAsync(inMemory);
        Assert.Equal(Enumerable.Range(1, Pages), fromDisk.Pages.Select(p => p.Number));
        Assert.All(fromDisk.Pages, p => Assert.Contains($"so {p.Number} trang", p.Text));
        Assert.All(fromDisk.Pages, p => Assert.Equal(PageMethod.PdfTextLayer, p.Method));
        Assert.Equal(fromMemory.Pages.Select(p => p.Text), fromDisk.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task Text_file_from_disk_is_loaded_like_bytes()
    {
        var path = Path.Combine(folder, "plan.txt");
        await File.WriteAllTextAsync(path, "KẾ HOẠCH\nTổ chức hội nghị\n");

        var source = await SourceFile.FromStableFileAsync("plan.txt", path, CancellationToken.None);

        Assert.Null(source.FilePath);
        Assert.Equal(ContentKind.Text, source.Kind);
        Assert.Equal(await File.ReadAllBytesAsync(path), source.Bytes);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] BuildPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var number = 1; number <= Pages; number++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText($"Ke hoach so {number} trang {number} cua tai lieu thu nghiem", 12, new PdfPoint(50, 700), font);
        }

        return builder.Build();
    }
}
