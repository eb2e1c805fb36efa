namespace PlanIngest.Extraction.Model;

/// <summary>The signature block: "TM. …" / "KT. …" lines, the signer's title and name.</summary>
public sealed record SignerInfo(string? OnBehalf, string? Title, string? Name);
