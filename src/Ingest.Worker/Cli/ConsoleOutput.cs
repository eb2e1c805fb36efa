using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Cli;

/// <summary>What every verb shares about writing: UTF-8 out, one-line errors naming the file.</summary>
internal static class ConsoleOutput
{
    static ConsoleOutput() => Console.OutputEncoding = new UTF8Encoding(false);

    public static void FileError(string path, string reason) => Console.Error.WriteLine($"{path}: {reason}");

    public static void Json(JsonNode node) => Console.Out.WriteLine(node.ToJsonString(RecordJson.Options));

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, RecordJson.Options));

    /// <summary>A progress line on stderr, only for a person watching a terminal; scripts see nothing.</summary>
    public static void Progress(string line)
    {
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\r{line}\u001b[K");
        }
    }

    public static void EndProgress()
    {
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }
}
