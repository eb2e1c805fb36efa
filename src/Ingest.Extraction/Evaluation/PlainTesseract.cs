using System.Diagnostics;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>The plain <c>tesseract FILE stdout -l LANG</c> command, single-threaded as our engines are: the baseline of every OCR measure.</summary>
public static class PlainTesseract
{
    public static async Task<string> ReadAsync(string scan, string languages, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("tesseract")
        {
            ArgumentList = { scan, "stdout", "-l", languages },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OMP_THREAD_LIMIT"] = "1" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return await output.ConfigureAwait(false);
    }
}
