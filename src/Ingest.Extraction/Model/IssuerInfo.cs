namespace PlanIngest.Extraction.Model;

/// <summary>The issuing body. <paramref name="Level"/> is "trung ương", "tỉnh", "huyện" or "xã".</summary>
public sealed record IssuerInfo(string? Name, string? Parent, string? Level, string? Province);
