using PlanIngest.Extraction.Model;

namespace PlanIngest.Search.Index;

/// <summary>One catalog row as the index receives it: its id, the change sequence that committed it, its record.</summary>
public sealed record IndexedDocument(string Id, long Sequence, DocumentRecord Record);
