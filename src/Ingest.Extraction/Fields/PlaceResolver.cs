using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The place on the date line, mended when OCR damaged it: a province name read closely enough
/// ("Binh Phude") or the issuer's own place ("DPién Ban" beside "THỊ XÃ ĐIỆN BÀN").
/// </summary>
internal static class PlaceResolver
{
    public static string? Resolve(string? place, IssuerInfo? issuer)
    {
        if (place is null)
        {
            return null;
        }

        var folded = TextFolding.Fold(place);
        if (Provinces.Find(folded) is { } province)
        {
            return province;
        }

        var key = Letters.Key(folded);
        foreach (var candidate in new[] { issuer?.Name, issuer?.Parent })
        {
            if (candidate is null)
            {
                continue;
            }

            // The issuer's name ends with its place; compare the same number of letters.
            var candidateKey = Letters.Key(TextFolding.Fold(candidate));
            if (candidateKey.Length >= key.Length && key.Length >= 4)
            {
                var tail = candidateKey[^key.Length..];
                if (tail != key && Fuzzy.Distance(tail, key) <= Math.Max(1, key.Length / 5))
                {
                    var words = candidate.Split(' ');
                    var count = place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    return string.Join(' ', words[^Math.Min(count, words.Length)..]);
                }
            }
        }

        return place;
    }
}
