namespace PlanIngest.Extraction.Model;

/// <summary>A document mentioned anywhere in the text, merged by number; <paramref name="Count"/> counts the mentions.</summary>
public sealed record Citation(string? DocType, string? Number, PartialDate? Date, string? Issuer, int Count);
