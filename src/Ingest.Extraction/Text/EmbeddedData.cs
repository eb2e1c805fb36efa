using System.Reflection;
using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>The data files under Text/Data, compiled into the assembly so nothing is read from disk at run time.</summary>
internal static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static IEnumerable<string> Names(string prefix) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Non-empty lines that are not <c>#</c> comments.</summary>
    public static IEnumerable<string> Lines(string name) =>
        Read(name).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
