namespace PlanIngest.Extraction.Model;

/// <summary>A document that this one rests on (a legal basis). <paramref name="Number"/> is null when unnumbered.</summary>
public sealed record DocumentReference(string? DocType, string? Number, PartialDate? Date, string? Issuer);
