namespace PlanIngest.Extraction.Model;

/// <summary>A numeric target: "Đạt 95% cử tri đi bầu cử trở lên" is 95, "%", <see cref="Model.Comparator.AtLeast"/>.</summary>
public sealed record Indicator(string Text, string? Subject, decimal Value, string? Unit, Comparator Comparator, string? Section);
