using System.Diagnostics;

namespace PlanIngest.Worker.Cli;

/// <summary>Counts files and pages done and shows the rate and the time left, for runs long enough to want it.</summary>
internal sealed class ProgressMeter(int totalFiles)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int files;
    private int pages;

    public TimeSpan Elapsed => clock.Elapsed;

    public int Pages => pages;

    public void FileDone(int pagesInFile)
    {
        var doneFiles = Interlocked.Increment(ref files);
        var donePages = Interlocked.Add(ref pages, pagesInFile);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var left = TimeSpan.FromSeconds(seconds / doneFiles * (totalFiles - doneFiles));
        var eta = doneFiles < totalFiles ? $", {left:h\\:mm\\:ss} left" : string.Empty;
        ConsoleOutput.Progress($"{doneFiles}/{totalFiles} files, {Plural.Of(donePages, "page")}, {donePages / seconds:0.00} pages/s{eta}");
    }
}
