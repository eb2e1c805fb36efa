namespace PlanIngest.Extraction.Model;

/// <summary>Everything the pipeline knows of one document: where it came from, its pages, its fields.</summary>
public sealed record DocumentRecord(SourceInfo Source, IReadOnlyList<PageText> Pages, ExtractedFields Fields);
