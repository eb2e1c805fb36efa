using System.Diagnostics;

namespace PlanIngest.Extraction.Reading.Pdf;

/// <summary>
/// Renders one PDF page to a grey PNG with poppler's pdftoppm, for pages whose image encoding
/// Leptonica cannot read (CCITT, JBIG2) or that are not a single image.
/// </summary>
internal sealed class PageRasterizer : IDisposable
{
    private const int Resolution = 300;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

    private readonly SourceFile pdf;
    private readonly Lazy<string> folder;

    public PageRasterizer(SourceFile pdf)
    {
        this.pdf = pdf;
        folder = new Lazy<string>(CreateFolder, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Renders page <paramref name="pageNumber"/> (1-based) of <paramref name="widthPoints"/>×<paramref name="heightPoints"/>.</summary>
    public (byte[] Png, int Resolution) Render(int pageNumber, double widthPoints, double heightPoints)
    {
        // Lower the resolution of an oversized page rather than render hundreds of megapixels.
        var pixelsAt300 = widthPoints / 72 * Resolution * (heightPoints / 72 * Resolution);
        var dpi = pixelsAt300 <= ImageDecoder.MaxPixels
            ? Resolution
            : (int)(Resolution * Math.Sqrt(ImageDecoder.MaxPixels / pixelsAt300));
        var outputRoot = Path.Combine(folder.Value, $"page-{pageNumber}");
        var start = new ProcessStartInfo("pdftoppm")
        {
            ArgumentList = { "-r", dpi.ToString(), "-gray", "-png", "-singlefile", "-f", pageNumber.ToString(), "-l", pageNumber.ToString(), pdf.FilePath ?? Path.Combine(folder.Value, "in.pdf"), outputRoot },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = StartOrExplain(start);
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new DocumentReadException($"rendering took longer than {TimeLimit.TotalSeconds:0} s");
        }

        var png = outputRoot + ".png";
        if (process.ExitCode != 0 || !File.Exists(png))
        {
            throw new DocumentReadException($"page could not be rendered: {errors.Result.Trim().Split('\n')[0]}");
        }

        try
        {
            return (File.ReadAllBytes(png), dpi);
        }
        finally
        {
            File.Delete(png);
        }
    }

    public void Dispose()
    {
        if (folder.IsValueCreated)
        {
            Directory.Delete(folder.Value, recursive: true);
        }
    }

    private string CreateFolder()
    {
        var created = Directory.CreateTempSubdirectory("planingest-pdf-").FullName;
        if (pdf.FilePath is null)
        {
            // pdftoppm reads a file: a source held in memory is written out once (one on disk is read where it is).
            File.WriteAllBytes(Path.Combine(created, "in.pdf"), pdf.Bytes);
        }

        return created;
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new DocumentReadException("pdftoppm did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DocumentReadException("pdftoppm is needed to render this page; install the Debian package poppler-utils");
        }
    }
}
