using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// What every verb shares about writing: UTF-8 out; JSON one compact object per line; errors one line
/// each, naming the file, on a line of their own even while a progress line is showing.
/// </summary>
internal static class ConsoleOutput
{
    private static readonly Lock Gate = new();
    private static bool progressShown;

    static ConsoleOutput() => Console.OutputEncoding = new UTF8Encoding(false);

    public static JsonSerializerOptions CompactJson { get; } = new(RecordJson.Options) { WriteIndented = false };

    public static void FileError(string path, string reason) => Error($"{path}: {reason}");

    /// <summary>One line on stderr; a progress line being shown is ended first, so the two never share a line.</summary>
    public static void Error(string line)
    {
        lock (Gate)
        {
            EndProgressLocked();
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>One JSON value on one line of stdout, written at once (JSON Lines: a reader gets each record as it is done).</summary>
    public static void Json(JsonNode node) => Line(node.ToJsonString(CompactJson));

    public static void Json<T>(T value) => Line(JsonSerializer.Serialize(value, CompactJson));

    /// <summary>A line of stdout; a progress line on the terminal is cleared first.</summary>
    public static void Line(string line)
    {
        lock (Gate)
        {
            EndProgressLocked();
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    /// <summary>A progress line on stderr, only for a person watching a terminal; scripts see nothing.</summary>
    public static void Progress(string line)
    {
        if (Console.IsErrorRedirected)
        {
            return;
        }

        lock (Gate)
        {
            Console.Error.Write($"\r{line}\u001b[K");
            progressShown = true;
        }
    }

    public static void EndProgress()
    {
        lock (Gate)
        {
            EndProgressLocked();
        }
    }

    private static void EndProgressLocked()
    {
        if (progressShown)
        {
            Console.Error.Write("\r\u001b[K");
            progressShown = false;
        }
    }
}
