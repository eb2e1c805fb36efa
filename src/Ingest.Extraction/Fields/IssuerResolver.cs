using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Builds <see cref="IssuerInfo"/> (CONTRACT.md §1a) from the header's issuer column, or, when the file
/// has no header, from the signature and the body; says so in warnings.
/// </summary>
internal static partial class IssuerResolver
{
    [GeneratedRegex(@"\b(?:tinh|tp\.?|thanh pho)\s+")]
    private static partial Regex ProvinceLead();

    [GeneratedRegex(@"\b(?:cong chuc|cbcc|can bo|dang vien|vien chuc|cbcc,?\s*vc)\s+(?=ban |van phong|so |phong )")]
    private static partial Regex MemberLead();

    // "… Ban Thường vụ Hội Liên hiệp Phụ nữ huyện X xây dựng kế hoạch như sau": the plan names its author.
    [GeneratedRegex(@"\s(?:xay\s+dung|ban\s+hanh|phat\s+dong|trien\s+khai)\s+(?:ke\s+hoach|chuong\s+trinh|huong\s+dan)")]
    private static partial Regex AuthorTail();

    public static IssuerInfo? Resolve(HeaderResult header, FoldedText text, SignerInfo? signer, List<string> warnings)
    {
        var fromHeader = FromHeader(header);
        if (fromHeader is not null)
        {
            var (name, parent) = fromHeader.Value;
            var province = ProvinceOf(name, parent) ?? ProvinceInText(text.Folded);
            return new IssuerInfo(name.Text, parent?.Text, ContractNames.Parse<IssuerLevel>(LevelOf(name, parent)), province);
        }

        var fromBody = FromBody(text, signer);
        if (fromBody is null)
        {
            return null;
        }

        var found = fromBody;
        var textProvince = ProvinceInText(text.Folded);
        var named = found.Text;
        if (found.Place is null && textProvince is not null && found.Parts[^1] is { } lastPart
            && (lastPart is { Kind: BodyPartKind.Unit, Text: "tỉnh" } || lastPart.Text == "Tỉnh ủy" || lastPart.Text == "Tỉnh đoàn"))
        {
            named += " " + textProvince;
        }

        warnings.Add("issuer: no header; taken from the signature and the body");
        var ownProvince = found.Place is { } place ? Provinces.Find(Text.TextFolding.Fold(place), allowDamage: false) : null;
        return new IssuerInfo(named, null, ContractNames.Parse<IssuerLevel>(LevelOf(found, null)), ownProvince ?? textProvince);
    }

    private static (BodyName Name, BodyName? Parent)? FromHeader(HeaderResult header)
    {
        var groups = new List<List<BodyPart>>();
        foreach (var line in header.LeftColumn)
        {
            var read = BodyNames.Read(line);
            if (read.Parts.Count == 0)
            {
                continue;
            }

            if (read.IsOnlyLocation && groups.Count > 0)
            {
                groups[^1].AddRange(read.Parts);
            }
            else
            {
                groups.Add([.. read.Parts]);
            }
        }

        groups.RemoveAll(g => !g.Any(p => p.Kind is BodyPartKind.Body or BodyPartKind.Unit or BodyPartKind.Unknown));
        if (groups.Count == 0)
        {
            return null;
        }

        var repaired = groups.Select(g => RepairPlace(g, header.Place)).ToList();
        var last = new BodyName(repaired[^1]);
        if (repaired.Count == 1)
        {
            return (last, null);
        }

        var parent = new BodyName(repaired[^2]);
        if (last.Place is not null)
        {
            return (last, parent);
        }

        var first = last.Parts[0].Text;
        var locationOnly = first.StartsWith("Sở ", StringComparison.Ordinal) || first.StartsWith("Phòng ", StringComparison.Ordinal)
            || first.StartsWith("Công an", StringComparison.Ordinal) || first.StartsWith("Bộ Chỉ huy", StringComparison.Ordinal);
        var suffix = locationOnly
            ? parent.Parts.SkipWhile(p => p.Kind != BodyPartKind.Unit).ToList()
            : [.. parent.Parts];
        return (new BodyName([.. last.Parts, .. suffix]), parent);
    }

    /// <summary>
    /// A place name in the issuer column that OCR damaged ("(;HAUATHANH": words merged) is mended from the
    /// place line when the two are close; a clean column name is kept (the place line is mended from it later).
    /// </summary>
    private static List<BodyPart> RepairPlace(List<BodyPart> parts, string? placeLine)
    {
        if (placeLine is null)
        {
            return parts;
        }

        var placeKey = Letters.Key(Text.TextFolding.Fold(placeLine));
        var placeWords = placeLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return parts.Select(p =>
        {
            if (p.Kind != BodyPartKind.Place || Provinces.Find(Text.TextFolding.Fold(p.Text), allowDamage: false) is not null)
            {
                return p;
            }

            var key = Letters.Key(Text.TextFolding.Fold(p.Text));
            var merged = p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < placeWords;
            return merged && key != placeKey && Fuzzy.Similarity(key, placeKey) >= 0.6 ? p with { Text = placeLine } : p;
        }).ToList();
    }

    private static BodyName? FromBody(FoldedText text, SignerInfo? signer)
    {
        var folded = text.Folded;
        var candidates = new Dictionary<string, (BodyName Name, int Count)>();

        // "… công chức Ban Dân vận Tỉnh ủy …": the members of a body are named with it.
        foreach (Match m in MemberLead().Matches(folded))
        {
            Count(candidates, BodyNames.ReadRunning(text, m.Index + m.Length), 2);
        }

        foreach (Match m in AuthorTail().Matches(folded))
        {
            // Read the body that ends right before the verb: try clause-internal starts from the left.
            var clauseStart = Math.Max(folded.LastIndexOfAny([',', ';', '.', '\n'], Math.Max(0, m.Index - 1)) + 1, m.Index - 120);
            for (var at = clauseStart; at < m.Index; at++)
            {
                if ((at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '\n') && BodyNames.ReadRunning(text, at) is { } read && read.End >= m.Index - 1)
                {
                    Count(candidates, read, 3);
                    break;
                }
            }
        }

        // "TM. Ban Thường trực" with "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh" in the body.
        if (signer?.OnBehalf is { } onBehalf)
        {
            var behalf = Regex.Replace(Text.TextFolding.Fold(onBehalf.Split(" / ")[0]), @"^\s*(?:t/?m|kt|tl|q)\.?\s*", string.Empty);
            for (var at = folded.IndexOf(behalf, StringComparison.Ordinal); at >= 0 && behalf.Length > 2; at = folded.IndexOf(behalf, at + 1, StringComparison.Ordinal))
            {
                // A body after "của" is one the plan cites, not its author.
                if (!Regex.IsMatch(folded[Math.Max(0, at - 6)..at], Patterns.Cua + @"\s+$"))
                {
                    Count(candidates, BodyNames.ReadRunning(text, at), 1);
                }
            }
        }

        return candidates.Values
            .Where(c => c.Name.Parts.Count >= 2 || c.Name.Place is not null || c.Name.Level is not null)
            .OrderByDescending(c => c.Count)
            .ThenByDescending(c => c.Name.Parts.Count)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static void Count(Dictionary<string, (BodyName Name, int Count)> candidates, (BodyName Name, int End)? read, int weight)
    {
        if (read is not { } r || !r.Name.HasBody || r.Name.Parts.Count < 2 && r.Name.Level is null)
        {
            return;
        }

        var key = Letters.Key(Text.TextFolding.Fold(r.Name.Text));
        candidates[key] = candidates.TryGetValue(key, out var c) ? (c.Name, c.Count + weight) : (r.Name, weight);
    }

    private static string? LevelOf(BodyName name, BodyName? parent)
    {
        var parts = name.Parts.Concat(parent?.Parts ?? []).ToList();
        var best = -1;
        string? level = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var partLevel = part.Level;
            if (part is { Kind: BodyPartKind.Unit, Text: "thành phố" } && i + 1 < parts.Count && Provinces.IsCentralCity(parts[i + 1].Text))
            {
                partLevel = "tỉnh";
            }
            else if (part.Text is "Thành ủy" or "Thành đoàn")
            {
                partLevel = i + 1 < parts.Count && Provinces.IsCentralCity(parts[i + 1].Text) ? "tỉnh" : "huyện";
            }

            if (BodyName.LevelRank(partLevel) > best)
            {
                (best, level) = (BodyName.LevelRank(partLevel), partLevel);
            }
        }

        return level;
    }

    private static string? ProvinceOf(BodyName name, BodyName? parent)
    {
        var parts = name.Parts.Concat(parent?.Parts ?? []).ToList();
        for (var i = 0; i + 1 < parts.Count; i++)
        {
            if (parts[i + 1].Kind == BodyPartKind.Place
                && (parts[i].Text is "tỉnh" or "Tỉnh ủy" or "Tỉnh đoàn" || Provinces.IsCentralCity(parts[i + 1].Text))
                && Provinces.Find(Text.TextFolding.Fold(parts[i + 1].Text)) is { } province)
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The province the text names most often after "tỉnh" (or as a centrally-run city).</summary>
    public static string? ProvinceInText(string folded)
    {
        var counts = new Dictionary<string, int>();
        foreach (Match m in ProvinceLead().Matches(folded))
        {
            var end = m.Index + m.Length;
            for (var words = 1; words <= 4; words++)
            {
                end = NextWordEnd(folded, end);
                if (Provinces.Find(folded[(m.Index + m.Length)..end], allowDamage: false) is { } province)
                {
                    counts[province] = counts.GetValueOrDefault(province) + 1;
                    break;
                }
            }
        }

        if (counts.Count == 0)
        {
            // A body of the province named without "tỉnh" ("Đài Phát thanh - Truyền hình Bến Tre").
            foreach (var province in Provinces.All)
            {
                var foldedName = Text.TextFolding.Fold(province);
                if (Regex.IsMatch(folded, $@"\b{Regex.Escape(foldedName)}\b"))
                {
                    counts[province] = counts.GetValueOrDefault(province) + 1;
                }
            }

            return counts.Count == 1 ? counts.Keys.First() : null;
        }

        return counts.OrderByDescending(c => c.Value).First().Key;
    }

    private static int NextWordEnd(string folded, int from)
    {
        var i = from;
        while (i < folded.Length && folded[i] == ' ')
        {
            i++;
        }

        while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
        {
            i++;
        }

        return i;
    }
}
