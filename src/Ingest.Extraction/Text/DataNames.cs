namespace PlanIngest.Extraction.Text;

/// <summary>Manifest names of the embedded Text/Data files (see the csproj).</summary>
internal static class DataNames
{
    public const string Syllables = "PlanIngest.Text.syllables.txt";

    public const string Vocabulary = "PlanIngest.Text.domain-vocabulary.txt";

    /// <summary>Clean Vietnamese texts the phrase dictionary learns from: Data/corpus-*.txt.</summary>
    public const string CorpusPrefix = "PlanIngest.Text.corpus-";

    /// <summary>The 63 pre-2025 provinces, shared by the repair and the field parsers.</summary>
    public const string Provinces = "PlanIngest.Text.provinces.txt";

    public const string Abbreviations = "PlanIngest.Text.abbreviations.txt";
}
