using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>The field parsers' vocabularies: Fields/Data files compiled into the assembly (see the csproj).</summary>
internal static class FieldData
{
    public const string Bodies = "PlanIngest.Fields.bodies.tsv";

    public const string CountUnits = "PlanIngest.Fields.count-units.txt";

    public const string SignerTitles = "PlanIngest.Fields.signer-titles.txt";

    public const string DocTypes = "PlanIngest.Fields.doc-types.tsv";

    /// <summary>Tab-separated rows of a data file, comments and blank lines left out.</summary>
    public static IEnumerable<string[]> Rows(string name) => EmbeddedData.Lines(name).Select(l => l.Split('\t'));
}
