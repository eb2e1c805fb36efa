using PlanIngest.Extraction.Text;

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

    public bool IsOnlyLocation => Parts.Count > 0 && Parts[0].Kind == BodyPartKind.Unit;

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
/// Vocabulary of body-name parts. Header lines are matched on their folded, space-free key, so
/// accent-stripped and word-merged OCR ("UY BANMTTQ VIETNAM") still yields "Ủy ban MTTQ Việt Nam".
/// </summary>
internal static class BodyNames
{
    // (canonical, level implied or null). Keys are derived by folding; longest key wins.
    private static readonly (string Text, string? Level)[] BodyWords =
    [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam", null), ("Ủy ban MTTQ Việt Nam", null), ("Ủy ban MTTQ", null),
        ("Mặt trận Tổ quốc Việt Nam", null), ("MTTQ Việt Nam", null), ("UBMTTQVN", null), ("UBMTTQ", null),
        ("Ủy ban nhân dân", null), ("UBND", null), ("Hội đồng nhân dân", null), ("HĐND", null),
        ("Ban Thường trực", null), ("Ban Thường vụ", null), ("Ban Chấp hành", null), ("Ban Dân vận", null),
        ("Ban Tuyên giáo", null), ("Ban Tổ chức", null), ("Ban Kiểm tra", null), ("Ban Nội chính", null),
        ("Ban Thi đua - Khen thưởng", null), ("Ban Chỉ đạo", null), ("Ban Công tác Mặt trận", "xã"),
        ("Ban Tuyên giáo và Dân vận", null), ("Ban Chấp hành Đoàn", null),
        ("Văn phòng", null), ("Thường trực", null),
        ("Tỉnh ủy", "tỉnh"), ("Huyện ủy", "huyện"), ("Thành ủy", null), ("Thị ủy", "huyện"), ("Quận ủy", "huyện"),
        ("Đảng ủy Khối", null), ("Đảng ủy", null), ("Đảng bộ", null), ("Chi bộ", null),
        ("Tỉnh đoàn", "tỉnh"), ("Huyện đoàn", "huyện"), ("Thành đoàn", null), ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", null),
        ("Đoàn TNCS Hồ Chí Minh", null),
        ("Hội Nông dân", null), ("Hội Liên hiệp Phụ nữ", null), ("Hội LHPN", null), ("Hội Cựu chiến binh", null),
        ("Hội Chữ thập đỏ", null), ("Hội Khuyến học", null), ("Hội Người cao tuổi", null), ("Liên đoàn Lao động", null),
        ("Hội Liên hiệp Thanh niên Việt Nam", null),
        ("Sở Y tế", "tỉnh"), ("Sở Giáo dục và Đào tạo", "tỉnh"), ("Sở Nội vụ", "tỉnh"), ("Sở Tài chính", "tỉnh"),
        ("Sở Văn hóa, Thể thao và Du lịch", "tỉnh"), ("Sở Văn hóa và Thể thao", "tỉnh"),
        ("Sở Lao động - Thương binh và Xã hội", "tỉnh"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "tỉnh"), ("Sở Nông nghiệp và Môi trường", "tỉnh"),
        ("Sở Tài nguyên và Môi trường", "tỉnh"), ("Sở Kế hoạch và Đầu tư", "tỉnh"), ("Sở Tư pháp", "tỉnh"),
        ("Sở Xây dựng", "tỉnh"), ("Sở Công Thương", "tỉnh"), ("Sở Giao thông vận tải", "tỉnh"),
        ("Sở Thông tin và Truyền thông", "tỉnh"), ("Sở Khoa học và Công nghệ", "tỉnh"),
        ("Phòng Giáo dục và Đào tạo", "huyện"), ("Phòng Văn hóa và Thông tin", "huyện"), ("Phòng Nội vụ", "huyện"),
        ("Phòng Lao động - Thương binh và Xã hội", "huyện"), ("Phòng Tài nguyên và Môi trường", "huyện"),
        ("Phòng Y tế", "huyện"),
        ("Bộ Công an", "trung ương"), ("Công an", null), ("BCH Đoàn", null), ("Bộ Chỉ huy Quân sự", null), ("Ban Chỉ huy Quân sự", null),
        ("Trung ương", "trung ương"), ("Bộ Chính trị", "trung ương"), ("Ban Bí thư", "trung ương"),
        ("Chính phủ", "trung ương"), ("Thủ tướng Chính phủ", "trung ương"),
    ];

    // Administrative-unit words: what follows them is a place name.
    private static readonly (string Text, string Level)[] UnitWords =
    [
        ("tỉnh", "tỉnh"), ("huyện", "huyện"), ("thị xã", "huyện"), ("thành phố", "huyện"), ("quận", "huyện"),
        ("thị trấn", "xã"), ("phường", "xã"), ("xã", "xã"),
    ];

    private static readonly (string Key, string Text, string? Level, bool IsUnit)[] Phrases = BuildPhrases();

    /// <summary>Reads a header line as a body name; parts it cannot place come back as Unknown with the line's own text.</summary>
    public static BodyName Read(string line)
    {
        var (key, origin) = KeyWithOrigin(line);
        var parts = new List<BodyPart>();
        var p = 0;
        while (p < key.Length)
        {
            var match = Phrases.FirstOrDefault(ph => string.CompareOrdinal(key, p, ph.Key, 0, ph.Key.Length) == 0);
            // After "tỉnh" the rest is a place name; after a body named by its place ("Huyện ủy", "Tỉnh đoàn",
            // "Đảng ủy") it is a place name unless a unit word ("xã") comes first.
            var last = parts.Count > 0 ? parts[^1] : null;
            var afterUnit = last is { Kind: BodyPartKind.Unit };
            var placeNamedBody = last is { Kind: BodyPartKind.Body }
                && (last.Text is "Tỉnh ủy" or "Huyện ủy" or "Thành ủy" or "Thị ủy" or "Quận ủy" or "Đảng ủy" or "Tỉnh đoàn" or "Huyện đoàn" or "Thành đoàn" or "Đảng bộ");
            if (match.Key is null || afterUnit || (placeNamedBody && !match.IsUnit))
            {
                var rest = line[origin[p]..].Trim();
                rest = TrimNoise(rest);
                if (rest.Length == 0)
                {
                    break;
                }

                if (afterUnit || placeNamedBody)
                {
                    var province = Provinces.Find(TextFolding.Fold(rest), allowDamage: false);
                    parts.Add(new BodyPart(afterUnit || placeNamedBody ? BodyPartKind.Place : BodyPartKind.Unknown, province ?? Letters.TitleCase(rest), null));
                }
                else
                {
                    parts.Add(new BodyPart(BodyPartKind.Unknown, Letters.SentenceCase(rest), null));
                }

                break;
            }

            parts.Add(new BodyPart(match.IsUnit ? BodyPartKind.Unit : BodyPartKind.Body, match.Text, match.Level));
            p += match.Key.Length;
        }

        return new BodyName(parts);
    }

    /// <summary>Canonical form of a known body phrase anywhere in running text ("Ban Thuong truc" → "Ban Thường trực").</summary>
    public static string? Canonical(string foldedPhrase)
    {
        var key = Letters.Key(foldedPhrase);
        foreach (var phrase in Phrases)
        {
            if (phrase.Key == key)
            {
                return phrase.Text;
            }
        }

        return null;
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
            if (phrase.Key is null)
            {
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

    private static ((string Key, string Text, string? Level, bool IsUnit) Phrase, int End) PhraseAt(string folded, int at)
    {
        if (at >= folded.Length || !char.IsLetter(folded[at]) || (at > 0 && char.IsLetterOrDigit(folded[at - 1])))
        {
            return (default, at);
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

        return (default, at);
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

    private static (string, string, string?, bool)[] BuildPhrases()
    {
        var list = BodyWords.Select(b => (Letters.Key(TextFolding.Fold(b.Text)), b.Text, b.Level, false))
            .Concat(UnitWords.Select(u => (Letters.Key(TextFolding.Fold(u.Text)), u.Text, (string?)u.Level, true)))
            .ToList();

        // OCR reads a word-initial Đ as P (DESIGN.md §2): "Pang uy" is Đảng ủy.
        list.AddRange(list.Where(p => p.Item2.StartsWith('Đ')).Select(p => ("p" + p.Item1[1..], p.Item2, p.Item3, p.Item4)).ToList());
        return list.OrderByDescending(p => p.Item1.Length).ToArray();
    }
}
