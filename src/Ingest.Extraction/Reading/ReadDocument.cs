using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Reading;

/// <summary>The output of the read stage: the file's identity and its page texts.</summary>
public sealed record ReadDocument(SourceInfo Source, IReadOnlyList<PageText> Pages);
