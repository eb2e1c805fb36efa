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
        if (Provinces.Find(folded, allowDamage: false) is { } province)
        {
            return province;
        }

        // A damaged reading ("Binh Phude") is taken for a province only when the issuer is of that province:
        // "Hải Châu" (a quận of Đà Nẵng) is one letter from "Lai Châu".
        if (Provinces.Find(folded) is { } near && near == issuer?.Province)
        {
            return near;
        }

        var key = Letters.Key(folded);
        foreach (var candidate in new[] { issuer?.Name, issuer?.Parent })
        {
            if (candidate is null)
            {
                continue;
            }

            // The issuer's name ends with its place; compare as many words.
            var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var count = Math.Min(words.Length, place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            var tailText = string.Join(' ', words[^count..]);
            var tail = Letters.Key(TextFolding.Fold(tailText));
            if (key.Length >= 4 && tail != key && Fuzzy.Distance(tail, key) <= Math.Max(1, key.Length / 5))
            {
                return tailText;
            }
        }

        return place;
    }
}
