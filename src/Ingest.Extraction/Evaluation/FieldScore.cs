namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// True positives, false positives and false negatives of one field, summed over documents.
/// <paramref name="Exact"/> counts the true positives of a text field whose diacritics also match exactly.
/// </summary>
public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives, int Exact = 0)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Null when the gold has nothing and nothing was extracted: nothing to find, nothing invented.</summary>
    public double? F1 => TruePositives + FalsePositives + FalseNegatives == 0
        ? null
        : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Share of the folded matches that are also spelt with the same marks; null without matches.</summary>
    public double? ExactShare => TruePositives == 0 ? null : (double)Exact / TruePositives;

    public FieldScore Add(FieldScore other) =>
        this with
        {
            TruePositives = TruePositives + other.TruePositives,
            FalsePositives = FalsePositives + other.FalsePositives,
            FalseNegatives = FalseNegatives + other.FalseNegatives,
            Exact = Exact + other.Exact,
        };
}
