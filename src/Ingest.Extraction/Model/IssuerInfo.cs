namespace PlanIngest.Extraction.Model;

/// <summary>The issuing body (CONTRACT.md §1a): its name as others cite it, the body above it, its tier and province.</summary>
public sealed record IssuerInfo(string? Name, string? Parent, IssuerLevel? Level, string? Province);
