namespace PlanIngest.Extraction.Text;

/// <summary>Manifest names of the embedded Text/Data files (see the csproj).</summary>
internal static class DataNames
{
    public const string Syllables = "PlanIngest.Text.syllables.txt";

    public const string Vocabulary = "PlanIngest.Text.domain-vocabulary.txt";

    /// <summary>Clean Vietnamese texts the phrase dictionary learns from: Data/corpus-*.txt.</summary>
    public const string CorpusPrefix = "PlanIngest.Text.corpus-";

    /// <summary>The gazetteer's provinces (63 before 1 July 2025, 34 after), shared by the repair and the field parsers.</summary>
    public const string Provinces = "PlanIngest.Text.provinces.tsv";

    /// <summary>The gazetteer's district-level units of the pre-2025 provinces.</summary>
    public const string Districts = "PlanIngest.Text.districts.tsv";

    /// <summary>The gazetteer's commune-level units (the 2019 – 2025-03 lists and July 2025), grouped by parent and type.</summary>
    public const string Communes = "PlanIngest.Text.communes.tsv";

    /// <summary>Folded syllable and in-word pair counts of general Vietnamese: the repair's background language model.</summary>
    public const string Frequencies = "PlanIngest.Text.syllable-frequencies.tsv";

    /// <summary>The team's own clean texts that only the English-model OCR repair learns from (Data/repair-corpus.txt).</summary>
    public const string RepairCorpus = "PlanIngest.Text.repair-corpus.txt";

    /// <summary>How often each word as the English model reads it was right on the repair tuning pairs.</summary>
    public const string ReadReliability = "PlanIngest.Text.read-reliability.tsv";

    public const string Abbreviations = "PlanIngest.Text.abbreviations.txt";
}
