using PlanIngest.Extraction.Text;
using PlanIngest.Extraction.Text.Places;

namespace PlanIngest.Extraction.Fields.Vocabulary;

/// <summary>What a piece of a body name is: a body word, an administrative-unit word, or a place name.</summary>
internal enum BodyPartKind
{
    Body,
    Unit,
    Place,
    Unknown,
}

/// <summary>One recognised piece of a body name, in canonical (accented) form.</summary>
internal sealed record BodyPart(BodyPartKind Kind, string Text, string? Level);

/// <summary>A header or signature line read as a body name.</summary>
internal sealed record BodyName(IReadOnlyList<BodyPart> Parts)
{
    public string Text => string.Join(' ', Parts.Select(p => p.Text));

    public bool IsRecognised => Parts.Count > 0 && Parts.All(p => p.Kind != BodyPartKind.Unknown);

    public bool HasBody => Parts.Any(p => p.Kind == BodyPartKind.Body);

    /// <summary>A line that only names where ("TỈNH BÌNH PHƯỚC", "VIỆT NAM"): it completes the line above.</summary>
    public bool IsOnlyLocation => Parts.Count > 0 && Parts[0].Kind is BodyPartKind.Unit or BodyPartKind.Place;

    public string? Place => Parts.LastOrDefault(p => p.Kind == BodyPartKind.Place)?.Text;

    /// <summary>The most local level any piece names.</summary>
    public string? Level => Parts.Select(p => p.Level).Where(l => l is not null).OrderBy(LevelRank).LastOrDefault();

    public static int LevelRank(string? level) => level switch
    {
        "trung ương" => 0,
        "tỉnh" => 1,
        "huyện" => 2,
        "xã" => 3,
        _ => -1,
    };
}

/// <summary>
/// Vocabulary of body-name parts (Fields/Data/bodies.tsv). Header lines are matched on their folded,
/// space-free key, so accent-stripped and word-merged OCR ("UY BANMTTQ VIETNAM") still yields "Ủy ban MTTQ
/// Việt Nam"; a misspelt unit word before a known place ("TNH BẮC KẠN") is still the unit.
/// </summary>
internal static class BodyNames
{
    private enum WordKind
    {
        Body,
        Placed,
        Located,
        Named,
        Unit,
        Country,
    }

    private sealed record Phrase(string Key, string Text, string? Level, WordKind Kind)
    {
        public bool IsUnit => Kind == WordKind.Unit;
    }

    private static readonly Phrase[] Phrases = BuildPhrases();

    private static readonly HashSet<string> PlacedBodies = Texts(WordKind.Placed);

    private static readonly HashSet<string> LocatedBodies = Texts(WordKind.Located);

    private static readonly HashSet<string> NamedBodies = Texts(WordKind.Named);

    /// <summary>Bodies that do not name an organisation: a committee of one ("Ban Chấp hành", "Ban Thường vụ", "Đoàn Chủ tịch").</summary>
    private static readonly HashSet<string> Committees = ["Ban Chấp hành", "Ban Chấp hành Trung ương", "Ban Thường trực", "Ban Thường vụ", "Đoàn Chủ tịch", "Thường trực", "Trung ương"];

    /// <summary>A body that is named with its government's unit and place ("Sở Y tế" → "Sở Y tế tỉnh Hà Tĩnh").</summary>
    public static bool IsLocated(string text) => LocatedBodies.Contains(text) || text.StartsWith("Sở ", StringComparison.Ordinal) || text.StartsWith("Phòng ", StringComparison.Ordinal);

    /// <summary>A body whose own proper name follows it ("Trường THCS Nam Thanh"): never suffixed with its parent.</summary>
    public static bool IsNamed(string text) => NamedBodies.Contains(text);

    public static bool IsCommittee(string text) => Committees.Contains(text);

    /// <summary>A body named by its place ("Huyện ủy", "Tỉnh đoàn"): its place follows without a unit word.</summary>
    public static bool IsPlaced(string text) => PlacedBodies.Contains(text);

    /// <summary>Reads a header line as a body name; parts it cannot place come back as Unknown with the line's own text.</summary>
    public static BodyName Read(string line)
    {
        var (key, origin) = KeyWithOrigin(line);
        var parts = new List<BodyPart>();
        var p = 0;
        while (p < key.Length)
        {
            var match = MatchAt(line, key, origin, p);
            var last = parts.Count > 0 ? parts[^1] : null;
            var afterUnit = last is { Kind: BodyPartKind.Unit };
            var afterPlaced = last is { Kind: BodyPartKind.Body } && (PlacedBodies.Contains(last.Text) || NamedBodies.Contains(last.Text));
            if (match is { Kind: WordKind.Country } && !afterUnit)
            {
                parts.Add(new BodyPart(BodyPartKind.Place, match.Text, match.Level));
                p += match.Key.Length;
                continue;
            }

            if (afterUnit || (afterPlaced && match is not { IsUnit: true }))
            {
                // After "tỉnh" the rest is a place name; after a body named by its place ("Huyện ủy", "Tỉnh đoàn")
                // or by a name of its own ("Trường THCS") it is that name, unless a unit word comes first.
                var placeEnd = KnownPlaceEnd(line, key, origin, p) ?? NextPhraseStart(line, key, origin, p);
                var rest = TrimNoise(line[origin[p]..(placeEnd < key.Length ? origin[placeEnd] : line.Length)].Trim());
                if (rest.Length == 0)
                {
                    break;
                }

                var province = afterUnit ? Provinces.Find(TextFolding.Fold(rest), allowDamage: false) : null;
                parts.Add(new BodyPart(BodyPartKind.Place, province ?? Letters.TitleCase(rest), null));
                if (placeEnd >= key.Length)
                {
                    break;
                }

                p = placeEnd;
                continue;
            }

            if (match is null && IsWordStart(line, origin, p) && FuzzyMatchAt(key, p) is { } near)
            {
                // "ĐOAÀN CHU TỊCH": a long body phrase read with one letter wrong is still that phrase.
                parts.Add(new BodyPart(BodyPartKind.Body, near.Phrase.Text, near.Phrase.Level));
                p += near.Length;
                continue;
            }

            if (match is null && MisspeltUnitAt(line, key, origin, p) is { } unit)
            {
                parts.Add(new BodyPart(BodyPartKind.Unit, unit.Phrase.Text, unit.Phrase.Level));
                p = unit.End;
                continue;
            }

            if (match is null)
            {
                // Words no phrase knows, up to the next one that a phrase starts: "BAN CHỈ ĐẠO [PHỔ CẬP GIÁO
                // DỤC - XÓA MÙ CHỮ] HUYỆN …" keeps both the description and what follows it.
                var next = NextPhraseStart(line, key, origin, p);
                var rest = TrimNoise(line[origin[p]..(next < key.Length ? origin[next] : line.Length)].Trim());
                if (rest.Length > 0)
                {
                    var describes = parts.Count > 0 && parts[^1].Kind == BodyPartKind.Body;
                    parts.Add(new BodyPart(BodyPartKind.Unknown, describes ? Letters.LowerCase(rest) : Letters.SentenceCase(rest), null));
                }

                if (next >= key.Length)
                {
                    break;
                }

                p = next;
                continue;
            }

            parts.Add(new BodyPart(match.IsUnit ? BodyPartKind.Unit : BodyPartKind.Body, match.Text, match.Level));
            p += match.Key.Length;
        }

        return new BodyName(parts);
    }

    /// <summary>The longest phrase whose key starts the line's key at <paramref name="p"/>.</summary>
    private static Phrase? MatchAt(string key, int p) =>
        Phrases.FirstOrDefault(ph => string.CompareOrdinal(key, p, ph.Key, 0, ph.Key.Length) == 0);

    /// <summary>
    /// The phrase at <paramref name="p"/>, a unit word only when the line spells it so: folded, "QUẢN" is
    /// "quận" and "TĨNH" is "tỉnh"; text without any marks (accent-stripped) cannot tell and is taken as written.
    /// </summary>
    private static Phrase? MatchAt(string line, string key, int[] origin, int p)
    {
        var phrase = MatchAt(key, p);
        if (phrase is not { IsUnit: true } || !line.Any(IsMarked))
        {
            return phrase;
        }

        var end = p + phrase.Key.Length < origin.Length ? origin[p + phrase.Key.Length] : line.Length;
        var written = new string(line[origin[p]..end].Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return NotUnits.Contains(written) ? null : phrase;
    }

    /// <summary>Words that fold to a unit word but are not one ("BAN QUẢN LÝ", "tình hình", "xa").</summary>
    private static readonly HashSet<string> NotUnits = ["quản", "quan", "quán", "tĩnh", "tình", "tính", "xa", "xả", "xá", "phuờng"];

    private static bool IsMarked(char c) => c > 127 && char.IsLetter(c);

    /// <summary>
    /// Where a place name from the gazetteer that starts at <paramref name="from"/> ends (the longest of up to
    /// four words), so that "Hà Tĩnh" is not cut at its "Tĩnh" (the unit word "tỉnh" folded).
    /// </summary>
    private static int? KnownPlaceEnd(string line, string key, int[] origin, int from)
    {
        int? found = null;
        var start = origin[from];
        var end = start;
        for (var words = 0; words < 4 && end < line.Length; words++)
        {
            while (end < line.Length && !char.IsLetterOrDigit(line[end]))
            {
                end++;
            }

            while (end < line.Length && char.IsLetterOrDigit(line[end]))
            {
                end++;
            }

            var name = TextFolding.Fold(line[start..end]);
            if (Provinces.Find(name, allowDamage: false) is not null || Gazetteer.Shared.FindDistricts(name).Count > 0)
            {
                var k = from;
                while (k < key.Length && origin[k] < end)
                {
                    k++;
                }

                found = k;
            }
        }

        return found;
    }

    private static bool IsWordStart(string line, int[] origin, int p) => origin[p] == 0 || !char.IsLetterOrDigit(line[origin[p] - 1]);

    /// <summary>A body phrase of eight letters or more within one edit of the key at <paramref name="p"/>, longest first.</summary>
    private static (Phrase Phrase, int Length)? FuzzyMatchAt(string key, int p)
    {
        foreach (var phrase in Phrases)
        {
            if (phrase.Key.Length < 8 || phrase.Kind is WordKind.Unit or WordKind.Country)
            {
                continue;
            }

            foreach (var length in new[] { phrase.Key.Length, phrase.Key.Length + 1, phrase.Key.Length - 1 })
            {
                if (p + length <= key.Length && Fuzzy.Distance(key.Substring(p, length), phrase.Key) <= 1)
                {
                    return (phrase, length);
                }
            }
        }

        return null;
    }

    /// <summary>Where the next word that starts a known phrase begins (word starts only), or the key's length.</summary>
    private static int NextPhraseStart(string line, string key, int[] origin, int from)
    {
        for (var q = from + 1; q < key.Length; q++)
        {
            var at = origin[q];
            if (at > 0 && char.IsLetterOrDigit(line[at - 1]))
            {
                continue;
            }

            if (MatchAt(line, key, origin, q) is { } phrase && (q + phrase.Key.Length >= key.Length || origin[q + phrase.Key.Length] > 0 && !char.IsLetterOrDigit(line[origin[q + phrase.Key.Length] - 1])))
            {
                return q;
            }
        }

        return key.Length;
    }

    /// <summary>"TNH BẮC KẠN": a word one letter from a unit word, followed by a known place, is that unit word.</summary>
    private static (Phrase Phrase, int End)? MisspeltUnitAt(string line, string key, int[] origin, int p)
    {
        var start = origin[p];
        var stop = start;
        while (stop < line.Length && char.IsLetter(line[stop]))
        {
            stop++;
        }

        var wordEnd = p;
        while (wordEnd < key.Length && origin[wordEnd] < stop)
        {
            wordEnd++;
        }

        var word = key[p..wordEnd];
        if (word.Length < 3 || wordEnd >= key.Length)
        {
            return null;
        }

        var rest = TextFolding.Fold(line[origin[wordEnd]..]);
        if (Provinces.Find(rest, allowDamage: false) is null && Gazetteer.Shared.FindDistricts(rest).Count == 0)
        {
            return null;
        }

        var unit = Phrases.FirstOrDefault(ph => ph.IsUnit && ph.Key.Length >= 3 && ph.Key != word && Fuzzy.Distance(ph.Key, word) <= 1);
        return unit is null ? null : (unit, wordEnd);
    }

    /// <summary>Canonical form of a known body phrase anywhere in running text ("Ban Thuong truc" → "Ban Thường trực").</summary>
    public static string? Canonical(string foldedPhrase)
    {
        var key = Letters.Key(foldedPhrase);
        return Phrases.FirstOrDefault(ph => ph.Key == key)?.Text;
    }

    /// <summary>
    /// Reads a body name in running folded text from <paramref name="at"/>: known phrases, a unit word only
    /// with a known province after it (or at the end), so "… tỉnh xây dựng kế hoạch" stops before "xây dựng".
    /// </summary>
    public static (BodyName Name, int End)? ReadRunning(FoldedText text, int at)
    {
        var folded = text.Folded;
        var parts = new List<BodyPart>();
        var p = at;
        while (p < folded.Length)
        {
            while (p < folded.Length && folded[p] is ' ' or '\n')
            {
                p++;
            }

            var (phrase, end) = PhraseAt(folded, p);
            if (phrase is null)
            {
                break;
            }

            if (phrase.Kind == WordKind.Country)
            {
                // "… Hội Liên hiệp Phụ nữ Việt Nam": the country ends a national body's name.
                if (parts.Count > 0)
                {
                    parts.Add(new BodyPart(BodyPartKind.Place, phrase.Text, phrase.Level));
                    p = end;
                }

                break;
            }

            if (phrase.IsUnit)
            {
                var placeEnd = end;
                string? province = null;
                for (var words = 1; words <= 4 && province is null; words++)
                {
                    placeEnd = NextWordEnd(folded, placeEnd);
                    province = Provinces.Find(folded[end..placeEnd], allowDamage: false);
                }

                parts.Add(new BodyPart(BodyPartKind.Unit, phrase.Text, phrase.Level));
                if (province is not null)
                {
                    parts.Add(new BodyPart(BodyPartKind.Place, province, null));
                    p = placeEnd;
                    break;
                }

                // Not a province: a place name is the capitalised words after the unit ("huyện Krông Pắc").
                var nameEnd = end;
                for (var words = 0; words < 4; words++)
                {
                    var wordEnd = NextWordEnd(folded, nameEnd);
                    var word = text.Slice(nameEnd, wordEnd).Trim();
                    if (word.Length == 0 || !char.IsUpper(word[0]) || !word.All(char.IsLetter))
                    {
                        break;
                    }

                    nameEnd = wordEnd;
                }

                if (nameEnd > end)
                {
                    parts.Add(new BodyPart(BodyPartKind.Place, Letters.Squash(text.Slice(end, nameEnd)), null));
                    p = nameEnd;
                    break;
                }

                p = end;
                break;
            }

            parts.Add(new BodyPart(BodyPartKind.Body, phrase.Text, phrase.Level));
            p = end;
        }

        return parts.Count == 0 ? null : (new BodyName(parts), p);
    }

    private static int NextWordEnd(string folded, int from)
    {
        var i = from;
        while (i < folded.Length && folded[i] is ' ' or '\n')
        {
            i++;
        }

        while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
        {
            i++;
        }

        return i;
    }

    private static (Phrase? Phrase, int End) PhraseAt(string folded, int at)
    {
        if (at >= folded.Length || !char.IsLetter(folded[at]) || (at > 0 && char.IsLetterOrDigit(folded[at - 1])))
        {
            return (null, at);
        }

        // Key of the next few words with the folded index after each key character.
        Span<char> key = stackalloc char[64];
        Span<int> ends = stackalloc int[64];
        var n = 0;
        for (var i = at; i < folded.Length && n < 64; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                key[n] = c;
                ends[n] = i + 1;
                n++;
            }
            else if (c is not (' ' or '\n' or '-' or ','))
            {
                break;
            }
        }

        var keyText = key[..n];
        foreach (var phrase in Phrases)
        {
            if (phrase.Key.Length <= n && keyText.StartsWith(phrase.Key, StringComparison.Ordinal))
            {
                var end = ends[phrase.Key.Length - 1];
                if (end >= folded.Length || !char.IsLetterOrDigit(folded[end]))
                {
                    return (phrase, end);
                }
            }
        }

        return (null, at);
    }

    private static string TrimNoise(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static (string Key, int[] Origin) KeyWithOrigin(string line)
    {
        var key = new System.Text.StringBuilder(line.Length);
        var origin = new List<int>(line.Length + 1);
        for (var i = 0; i < line.Length; i++)
        {
            foreach (var c in TextFolding.Fold(line[i].ToString()))
            {
                if (char.IsLetterOrDigit(c))
                {
                    key.Append(c);
                    origin.Add(i);
                }
            }
        }

        origin.Add(line.Length);
        return (key.ToString(), origin.ToArray());
    }

    private static Phrase[] BuildPhrases()
    {
        var list = FieldData.Rows(FieldData.Bodies)
            .SelectMany(r => new[] { r[0] }.Concat(r.Length > 3 ? r[3].Split(',', StringSplitOptions.TrimEntries) : [])
                .Select(written => new Phrase(Letters.Key(TextFolding.Fold(written)), r[0], r[1] == "-" ? null : r[1], Enum.Parse<WordKind>(r[2], ignoreCase: true))))
            .ToList();

        // OCR reads a word-initial Đ as P (DESIGN.md §2): "Pang uy" is Đảng ủy.
        list.AddRange(list.Where(p => p.Text.StartsWith('Đ')).Select(p => p with { Key = "p" + p.Key[1..] }).ToList());
        return [.. list.OrderByDescending(p => p.Key.Length)];
    }

    private static HashSet<string> Texts(WordKind kind) => Phrases.Where(p => p.Kind == kind).Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
}
