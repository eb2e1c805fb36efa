namespace PlanIngest.Extraction.Model;

/// <summary>
/// Everything the pipeline knows of one document: where it came from, its pages (as read and as
/// normalised), its fields, and what produced them — enough to extract again later without OCR.
/// </summary>
public sealed record DocumentRecord(SourceInfo Source, IReadOnlyList<PageText> Pages, ExtractedFields Fields)
{
    /// <summary>Pages are joined with a form feed on a line of its own, so no two pages' lines run together.</summary>
    public const string PageBreak = "\n\f\n";

    /// <summary>Which build of the extractor produced <see cref="Fields"/> (see <see cref="ExtractionPipeline.ExtractorVersion"/>).</summary>
    public string ExtractorVersion { get; init; } = string.Empty;

    /// <summary>What the normaliser did that a reader of the fields should know (a legacy encoding converted, OCR damage repaired).</summary>
    public IReadOnlyList<string> NormalizerWarnings { get; init; } = [];

    /// <summary>The whole normalised text, as extraction saw it.</summary>
    public string NormalizedText => string.Join(PageBreak, Pages.Select(p => p.Normalized ?? p.Text));
}
