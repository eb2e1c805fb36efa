using PlanIngest.Extraction.Text;
using PlanIngest.Extraction.Text.Places;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>
/// The 63 provinces and centrally-run cities (before the 2025 merger, the span of the archive). A folded,
/// space-free key finds the canonical accented name even in accent-stripped or word-merged OCR text.
/// </summary>
internal static class Provinces
{
    private static readonly string[] Names = [.. Gazetteer.Shared.Provinces(AdministrativeEra.Before2025).Select(p => p.Name)];

    /// <summary>Cities run by the centre (before 2025): a "thành phố" among these is a province-level body.</summary>
    private static readonly HashSet<string> CentralCities = Gazetteer.Shared.Provinces(AdministrativeEra.Before2025)
        .Where(p => p.Type == UnitType.CentralCity).Select(p => Letters.Key(TextFolding.Fold(p.Name))).ToHashSet();

    private static readonly Dictionary<string, string> ByKey = Names.ToDictionary(n => Letters.Key(TextFolding.Fold(n)));

    public static IEnumerable<string> All => Names;

    /// <summary>The canonical name for a folded name, allowing a little OCR damage ("binh phude").</summary>
    public static string? Find(string folded, bool allowDamage = true)
    {
        var key = Letters.Key(folded);
        if (key.Length < 4)
        {
            return null;
        }

        if (ByKey.TryGetValue(key, out var exact))
        {
            return exact;
        }

        if (!allowDamage)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (known, name) in ByKey)
        {
            if (Math.Abs(known.Length - key.Length) > 2)
            {
                continue;
            }

            var distance = Fuzzy.Distance(key, known);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, key.Length / 4) ? best : null;
    }

    public static bool IsCentralCity(string name) => CentralCities.Contains(Letters.Key(TextFolding.Fold(name)));
}
