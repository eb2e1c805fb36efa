namespace PlanIngest.Extraction.Text.Places;

/// <summary>
/// Vietnam's administrative units: the 63 provinces before 1 July 2025 with their district-level units and
/// those units' communes (as listed from 2019 to March 2025), and the 34 provinces after it with their communes.
/// Data, not rules: Text/Data/provinces.tsv, districts.tsv and communes.tsv, generated from public lists by
/// tools/text-data/make_gazetteer.py (sources in Text/Data/README.md). Names are looked up by
/// <see cref="Key"/>, so case, marks, tone placement ("Hoà Bình", "HOA BINH") and spacing do not matter.
/// Shared by the OCR repair's phrase dictionary and the field parsers.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Province> provinceByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Province>> provincesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<District>> districtsByKey = new(StringComparer.Ordinal);
    private readonly List<Province> provinces = [];
    private readonly List<District> districts = [];

    // ~15 000 names only the OCR repair asks for: read on first use, not when a field parser looks up a province.
    private readonly Lazy<List<Commune>> communes;

    /// <param name="provinceRows">provinces.tsv lines: code, type word, name, era ("63", "34" or "63 34"), successor code.</param>
    /// <param name="districtRows">districts.tsv lines: province code, code, type word, name, listed ("2025" or the month last listed).</param>
    /// <param name="communeRows">communes.tsv lines: parent (district code, or p + province code), type word, names separated by ';'.</param>
    internal Gazetteer(IEnumerable<string> provinceRows, IEnumerable<string> districtRows, IEnumerable<string>? communeRows = null)
    {
        communes = new Lazy<List<Commune>>(() => ReadCommunes(communeRows ?? []));
        foreach (var row in provinceRows)
        {
            var f = Fields(row, 5);
            var eras = f[3].Split(' ');
            var type = f[1] == "thành phố" ? UnitType.CentralCity : f[1] == "tỉnh" ? UnitType.Province : throw Bad(row);
            var province = new Province(f[0], type, f[2], eras.Contains("63"), eras.Contains("34"), f[4].Length > 0 ? f[4] : null);
            provinces.Add(province);
            // The pre-2025 unit is the one a code names in districts.tsv (Thừa Thiên Huế, not Huế).
            if (province.Before2025 || !provinceByCode.ContainsKey(province.Code))
            {
                provinceByCode[province.Code] = province;
            }

            Index(provincesByKey, province.Name, province);
        }

        foreach (var row in districtRows)
        {
            var f = Fields(row, 5);
            var type = f[2] switch
            {
                "quận" => UnitType.UrbanDistrict,
                "huyện" => UnitType.District,
                "thị xã" => UnitType.Town,
                "thành phố" => UnitType.ProvincialCity,
                _ => throw Bad(row),
            };
            var district = new District(f[1], f[0], type, f[3], f[4] == "2025");
            if (!provinceByCode.ContainsKey(district.ProvinceCode))
            {
                throw Bad(row);
            }

            districts.Add(district);
            Index(districtsByKey, district.Name, district);
        }
    }

    public static Gazetteer Shared => Lazy.Value;

    /// <summary>Every commune-level unit of the lists since 2019 and of July 2025.</summary>
    public IReadOnlyList<Commune> Communes => communes.Value;

    /// <summary>Every district-level unit, current in 2025 or not.</summary>
    public IReadOnlyList<District> Districts => districts;

    /// <summary>The 63 provinces before 1 July 2025, or the 34 after it.</summary>
    public IReadOnlyList<Province> Provinces(AdministrativeEra era) => provinces.Where(p => p.In(era)).ToList();

    /// <summary>
    /// The province of the given era named <paramref name="name"/> ("Bình Phước", "tỉnh Bình Phước",
    /// "HOA BINH", "TP. Hồ Chí Minh"), or null.
    /// </summary>
    public Province? FindProvince(string name, AdministrativeEra era = AdministrativeEra.Before2025) =>
        FindProvinces(name).FirstOrDefault(p => p.In(era));

    /// <summary>Every province of either era with this name (a type word in front is allowed).</summary>
    public IReadOnlyList<Province> FindProvinces(string name) =>
        provincesByKey.GetValueOrDefault(Key(name)) ?? provincesByKey.GetValueOrDefault(Key(WithoutTypeWord(name))) ?? (IReadOnlyList<Province>)[];

    /// <summary>
    /// The district-level units named <paramref name="name"/> ("Châu Thành" is a huyện of ten provinces),
    /// optionally of one type; a type word in front ("thị xã Điện Bàn", "quận 1") must match the unit's type.
    /// </summary>
    public IReadOnlyList<District> FindDistricts(string name, UnitType? type = null)
    {
        if (districtsByKey.TryGetValue(Key(name), out var named))
        {
            return named.Where(d => type is null || d.Type == type).ToList();
        }

        var (typeWord, rest) = SplitTypeWord(name);
        return rest is not null && districtsByKey.TryGetValue(Key(rest), out var found)
            ? found.Where(d => (type is null || d.Type == type) && d.Type.Word() == typeWord).ToList()
            : [];
    }

    /// <summary>The pre-2025 province a district belongs to.</summary>
    public Province ProvinceOf(District district) => provinceByCode[district.ProvinceCode];

    /// <summary>The post-2025 province a pre-2025 one became part of (itself when it was kept as it was).</summary>
    public Province? SuccessorOf(Province province) =>
        province.SuccessorCode is { } code ? provinces.FirstOrDefault(p => p.From2025 && p.Code == code) : province.From2025 ? province : null;

    /// <summary>The pre-2025 provinces that make up a post-2025 one (Phú Thọ ← Hòa Bình, Phú Thọ, Vĩnh Phúc).</summary>
    public IReadOnlyList<Province> PredecessorsOf(Province province) =>
        provinces.Where(p => p.Before2025 && p.SuccessorCode == province.Code && province.From2025).ToList();

    /// <summary>The lookup key of a name: folded (<see cref="TextFolding.Fold"/>), letters and digits only.</summary>
    public static string Key(string name)
    {
        var folded = TextFolding.Fold(name);
        return string.Create(folded.Count(char.IsLetterOrDigit), folded, static (span, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[n++] = c;
                }
            }
        });
    }

    // "tỉnh X", "thành phố X", "TP. X", "huyện X", "quận X", "thị xã X", "TX X": the type word and the rest.
    private static (string? TypeWord, string? Name) SplitTypeWord(string name)
    {
        var words = name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return (null, null);
        }

        var first = TextFolding.Fold(words[0]);
        var two = words.Length >= 3 ? $"{first} {TextFolding.Fold(words[1])}" : null;
        return two switch
        {
            "thanh pho" => ("thành phố", string.Join(' ', words[2..])),
            "thi xa" => ("thị xã", string.Join(' ', words[2..])),
            _ => first switch
            {
                "tinh" => ("tỉnh", string.Join(' ', words[1..])),
                "tp" => ("thành phố", string.Join(' ', words[1..])),
                "tx" => ("thị xã", string.Join(' ', words[1..])),
                "huyen" => ("huyện", string.Join(' ', words[1..])),
                "quan" => ("quận", string.Join(' ', words[1..])),
                _ => (null, null),
            },
        };
    }

    private static string WithoutTypeWord(string name) => SplitTypeWord(name).Name ?? name;

    private static void Index<T>(Dictionary<string, List<T>> index, string name, T unit)
    {
        var key = Key(name);
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(unit);
    }

    private static string[] Fields(string row, int count)
    {
        var fields = row.Split('\t');
        return fields.Length == count ? fields : throw Bad(row);
    }

    private List<Commune> ReadCommunes(IEnumerable<string> rows)
    {
        var list = new List<Commune>();
        var districtCodes = districts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var f = Fields(row, 3);
            var type = f[1] switch
            {
                "xã" => UnitType.Commune,
                "phường" => UnitType.Ward,
                "thị trấn" => UnitType.Township,
                "đặc khu" => UnitType.SpecialZone,
                _ => throw Bad(row),
            };
            var known = f[0].StartsWith('p') ? provinceByCode.ContainsKey(f[0][1..]) : districtCodes.Contains(f[0]);
            if (!known)
            {
                throw Bad(row);
            }

            list.AddRange(f[2].Split(';').Select(name => new Commune(f[0], type, name)));
        }

        return list;
    }

    private static InvalidDataException Bad(string row) => new($"gazetteer row not understood: {row}");

    private static readonly Lazy<Gazetteer> Lazy = new(() => new Gazetteer(
        EmbeddedData.Lines(DataNames.Provinces), EmbeddedData.Lines(DataNames.Districts), EmbeddedData.Lines(DataNames.Communes)));
}
