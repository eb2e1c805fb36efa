namespace PlanIngest.Extraction.Model;

/// <summary>A numeric target. <paramref name="Comparator"/> is one of =, &gt;=, &gt;, &lt;=, &lt;.</summary>
public sealed record Indicator(string Text, string? Subject, decimal Value, string? Unit, string Comparator, string? Section);
