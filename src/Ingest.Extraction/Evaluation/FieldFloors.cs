using System.Text.Json;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>A field whose F1 fell under its floor.</summary>
public sealed record FloorMiss(string Field, double? Measured, double Floor);

/// <summary>
/// Regression floors: the lowest F1 each field (and "overall") may score on a set, kept in a JSON object
/// beside the set (<c>{"overall": 0.95, "issuer.name": 0.9}</c>). Floors are the measured figures minus one
/// point, so a change that makes extraction worse on a field fails, and one that makes it better is seen.
/// </summary>
public sealed class FieldFloors(IReadOnlyDictionary<string, double> floors)
{
    public IReadOnlyDictionary<string, double> Values { get; } = floors;

    /// <summary>One point under each figure of <paramref name="report"/>, rounded down to the thousandth.</summary>
    public static FieldFloors FromReport(EvaluationReport report)
    {
        // Rounded to a millionth before the floor, so that 1.0 gives 0.990 and not 0.989 (0.99 · 1000 is 989.999… in binary).
        static double Under(double f1) => Math.Max(0, Math.Floor(Math.Round((f1 - 0.01) * 1000, 6)) / 1000);
        var floors = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["overall"] = Under(report.OverallF1) };
        foreach (var field in report.Fields)
        {
            if (field.F1 is { } f1)
            {
                floors[field.Field] = Under(f1);
            }
        }

        return new FieldFloors(floors);
    }

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(Values, new JsonSerializerOptions { WriteIndented = true }) + "\n");

    public static FieldFloors Load(string path) =>
        new(JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path)) ?? throw new JsonException($"{path}: empty floors"));

    /// <summary>Fields under their floor. A field with no F1 (nothing to find, nothing found) is not under any floor.</summary>
    public IReadOnlyList<FloorMiss> Check(EvaluationReport report)
    {
        var misses = new List<FloorMiss>();
        foreach (var (field, floor) in Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var measured = field == "overall" ? report.OverallF1 : report.Fields.FirstOrDefault(f => f.Field == field)?.F1;
            if (measured is { } m && m < floor)
            {
                misses.Add(new FloorMiss(field, m, floor));
            }
        }

        return misses;
    }
}
