namespace PlanIngest.Extraction.Text;

/// <summary>
/// The gazetteer's province and district names as runs of folded syllables ("tho xuan", "bao loc"): a run of
/// capitalised read words that spells one of them letter for letter is a place name as printed, not damage.
/// The repair keeps its letters (only its marks are restored) instead of reading "THO XUAN" as "THỊ XUÂN"
/// because "thi" is the commoner syllable. Commune names (~15 000, many of them common words: Tân Lập, Đoàn Kết)
/// count only right after their unit word ("xã Tịnh Khê", "PHƯỜNG PHÚC XÁ").
/// </summary>
internal sealed class PlaceNameRuns
{
    // Folded run → its spelling (lower case, canonical tone placement), null when two names fold alike (Tân Phú, Tân Phụ).
    private readonly Dictionary<string, string?> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> communeNames = new(StringComparer.Ordinal);

    public PlaceNameRuns(IEnumerable<string> placeNames, IEnumerable<string>? communes = null)
    {
        foreach (var name in placeNames)
        {
            Add(names, name);
        }

        foreach (var name in communes ?? [])
        {
            Add(communeNames, name);
        }
    }

    public static PlaceNameRuns Shared => Lazy.Value;

    public int MaxSyllables { get; private set; }

    /// <summary>Is the run of folded syllables (space-joined) a province or district name?</summary>
    public bool IsName(string foldedRun) => names.ContainsKey(foldedRun);

    /// <summary>Is the run, read right after "xã", "phường", "thị trấn" or "đặc khu", a commune name (or a province or district name)?</summary>
    public bool IsNameAfterUnitWord(string foldedRun) => communeNames.ContainsKey(foldedRun) || names.ContainsKey(foldedRun);

    /// <summary>The one spelling of the place names that fold to the run (lower case), or null when there is none or more than one.</summary>
    public string? Spelling(string foldedRun, bool afterUnitWord)
    {
        var inNames = names.TryGetValue(foldedRun, out var name);
        if (!afterUnitWord || !communeNames.TryGetValue(foldedRun, out var commune))
        {
            return inNames ? name : null;
        }

        return !inNames || name == commune ? commune : null;
    }

    /// <summary>Do the folded words end in a unit word of any level (tỉnh, huyện, thị xã, xã …)?</summary>
    public static bool EndsInUnitWord(string? beforeLast, string? last) =>
        EndsInCommuneUnit(beforeLast, last) || last is "tinh" or "huyen" or "quan" || (beforeLast, last) is ("thanh", "pho");

    /// <summary>Do the folded words end in a commune-level unit word?</summary>
    public static bool EndsInCommuneUnit(string? beforeLast, string? last) =>
        last is "xa" or "phuong" || (beforeLast, last) is ("thi", "tran") or ("dac", "khu");

    private void Add(Dictionary<string, string?> into, string name)
    {
        var spelling = ToneMarks.Canonicalize(name.ToLowerInvariant());
        var syllables = spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (syllables.Length < 2)
        {
            return;
        }

        var folded = string.Join(' ', syllables.Select(TextFolding.Fold));
        into[folded] = into.TryGetValue(folded, out var known) && known != string.Join(' ', syllables) ? null : string.Join(' ', syllables);
        MaxSyllables = Math.Max(MaxSyllables, syllables.Length);
    }

    private static readonly Lazy<PlaceNameRuns> Lazy = new(() =>
    {
        var gazetteer = Places.Gazetteer.Shared;
        return new PlaceNameRuns(gazetteer.Provinces(Places.AdministrativeEra.Before2025)
            .Concat(gazetteer.Provinces(Places.AdministrativeEra.From2025)).Select(p => p.Name)
            .Concat(gazetteer.Districts.Select(d => d.Name)),
            gazetteer.Communes.Select(c => c.Name));
    });
}
