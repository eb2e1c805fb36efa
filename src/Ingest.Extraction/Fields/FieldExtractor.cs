using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>The extract stage: normalised text in, the structured fields of CONTRACT.md §1 out.</summary>
public sealed class FieldExtractor
{
    public ExtractedFields Extract(string normalizedText) => ExtractedFields.Empty;
}
