namespace PlanIngest.Extraction.Text;

/// <summary>
/// The gazetteer's province and district names as runs of folded syllables ("tho xuan", "bao loc"): a run of
/// capitalised read words that spells one of them letter for letter is a place name as printed, not damage.
/// The repair keeps its letters (only its marks are restored) instead of reading "THO XUAN" as "THỊ XUÂN"
/// because "thi" is the commoner syllable.
/// </summary>
internal sealed class PlaceNameRuns
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public PlaceNameRuns(IEnumerable<string> placeNames)
    {
        foreach (var name in placeNames)
        {
            var syllables = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.Fold).ToArray();
            if (syllables.Length >= 2)
            {
                names.Add(string.Join(' ', syllables));
                MaxSyllables = Math.Max(MaxSyllables, syllables.Length);
            }
        }
    }

    public static PlaceNameRuns Shared => Lazy.Value;

    public int MaxSyllables { get; }

    /// <summary>Is the run of folded syllables (space-joined) a province or district name?</summary>
    public bool IsName(string foldedRun) => names.Contains(foldedRun);

    private static readonly Lazy<PlaceNameRuns> Lazy = new(() =>
    {
        var gazetteer = Places.Gazetteer.Shared;
        return new PlaceNameRuns(gazetteer.Provinces(Places.AdministrativeEra.Before2025)
            .Concat(gazetteer.Provinces(Places.AdministrativeEra.From2025)).Select(p => p.Name)
            .Concat(gazetteer.Districts.Select(d => d.Name)));
    });
}
