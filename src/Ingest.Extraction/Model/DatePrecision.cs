namespace PlanIngest.Extraction.Model;

/// <summary>How much of a date the text states.</summary>
public enum DatePrecision
{
    Year,
    Quarter,
    Month,
    Day,
}
