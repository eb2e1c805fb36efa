namespace PlanIngest.Extraction.Text;

/// <summary>Upper-case abbreviations of bodies and document types (Data/abbreviations.txt): kept as written by the repairs.</summary>
internal static class Abbreviations
{
    public static IReadOnlySet<string> Shared => Lazy.Value;

    private static readonly Lazy<IReadOnlySet<string>> Lazy = new(() =>
        EmbeddedData.Lines(DataNames.Abbreviations).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal));
}
