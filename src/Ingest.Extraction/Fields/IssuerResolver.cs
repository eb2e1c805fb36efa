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
    [GeneratedRegex(@"\s(?:xay\s+dung|ban\s+hanh|phat\s+dong|trien\s+khai|thong\s+nhat(?:\s+ban\s+hanh)?)\s+(?:ke\s+hoach|chuong\s+trinh|huong\s+dan|de\s+an|quy\s+che|nghi\s+quyet)")]
    private static partial Regex AuthorTail();

    // Each province's folded name as a whole word, parsed once (built from the gazetteer, so not generated).
    private static readonly (string Province, Regex Name)[] ProvinceNames =
        [.. Provinces.All.Select(p => (p, new Regex($@"\b{Regex.Escape(Text.TextFolding.Fold(p))}\b")))];

    [GeneratedRegex(Patterns.Cua + @"\s+$")]
    private static partial Regex CuaBefore();

    [GeneratedRegex(@"^\s*(?:t/?m|kt|tl|q)\.?\s*")]
    private static partial Regex OnBehalfPrefix();

    /// <summary>The issuer and, for a joint document, the other bodies of its header.</summary>
    public static (IssuerInfo? Issuer, IReadOnlyList<IssuerInfo> CoIssuers) Resolve(
        HeaderResult header, FoldedText text, IReadOnlyList<TextLine> lines, SignerInfo? signer, List<string> warnings)
    {
        var bodies = HeaderIssuer.Read(header);
        if (bodies.Count > 0)
        {
            var behalf = SignerParser.OnBehalfBodies(lines);
            var infos = new List<IssuerInfo>();
            for (var i = 0; i < bodies.Count; i++)
            {
                var body = bodies[i];
                var tm = i < behalf.Count ? behalf[i] : null;
                var (name, parent) = StandingCommittee(body, tm);
                if (i == 0)
                {
                    name = CompleteCutHeader(name, header, text, signer);
                }

                var level = LevelOf(name, parent);
                var province = level == "trung ương" ? null : ProvinceOf(name, parent) ?? ProvinceInText(text.Folded);
                infos.Add(new IssuerInfo(name.Text, parent?.Text, ContractNames.Parse<IssuerLevel>(level), province));
            }

            return (infos[0], infos.Skip(1).ToList());
        }

        var fromBody = FromBody(text, signer);
        if (fromBody is null)
        {
            return (null, []);
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
        var bodyLevel = LevelOf(found, null);
        return (new IssuerInfo(named, null, ContractNames.Parse<IssuerLevel>(bodyLevel), bodyLevel == "trung ương" ? null : ownProvince ?? textProvince), []);
    }

    /// <summary>
    /// "TM. BAN THƯỜNG VỤ" signed under the header's "HUYỆN ỦY ANH SƠN": the standing committee issued it
    /// ("Ban Thường vụ Huyện ủy Anh Sơn", parent "Huyện ủy Anh Sơn"). A signature line that names the body
    /// ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN") gives that body, at the header's place.
    /// </summary>
    private static (BodyName Name, BodyName? Parent) StandingCommittee(NamedBody body, string? onBehalf)
    {
        if (onBehalf is null)
        {
            return (body.Name, body.Parent);
        }

        var read = BodyNames.Read(onBehalf);
        if (read.Parts is not [{ Kind: BodyPartKind.Body, Text: "Ban Thường vụ" or "Ban Thường trực" } committee, ..]
            || body.Name.Parts.FirstOrDefault()?.Text == committee.Text)
        {
            return (body.Name, body.Parent);
        }

        var rest = read.Parts.Skip(1).ToList();
        List<BodyPart> parts;
        if (rest.Any(p => p.Kind == BodyPartKind.Body))
        {
            var hasPlace = rest.Any(p => p.Kind == BodyPartKind.Place);
            var place = body.Name.Parts.SkipWhile(p => p.Kind != BodyPartKind.Unit && p.Kind != BodyPartKind.Place).ToList();
            var placeOnly = rest[^1].Kind == BodyPartKind.Body && BodyNames.IsPlaced(rest[^1].Text);
            parts = [committee, .. rest, .. hasPlace ? [] : placeOnly ? place.Where(p => p.Kind == BodyPartKind.Place) : place];
        }
        else
        {
            parts = [committee, .. HeaderIssuer.WithoutCommittee(body.Name.Parts)];
        }

        return (new BodyName(parts), body.Name);
    }

    /// <summary>
    /// A header cut short ("ỦY BAN NHÂN DÂN" without its line "TỈNH LẠNG SƠN", a web page's table flattened)
    /// is completed from the issuer repeated under the title, from the body's "… ban hành Kế hoạch" sentence,
    /// or from the place line; a body sentence that names the same body more fully is taken as it is.
    /// </summary>
    private static BodyName CompleteCutHeader(BodyName name, HeaderResult header, FoldedText text, SignerInfo? signer)
    {
        var words = Words(name.Text);
        foreach (var author in Authors(text))
        {
            var authorWords = Words(author.Text);
            if (authorWords.Count > words.Count && words.All(authorWords.Contains) && (name.Place is null || author.Place is not null))
            {
                return author;
            }
        }

        if (name.Place is not null || name.Level is not null && name.Parts.All(p => p.Kind != BodyPartKind.Body || !NeedsPlace(p.Text)))
        {
            return name;
        }

        if (header.IssuerLine is { } repeated)
        {
            var folded = Text.TextFolding.Fold(repeated);
            var withoutTitle = Patterns.LeadingSignerTitle().Replace(folded, string.Empty);
            var read = BodyNames.Read(repeated[(repeated.Length - withoutTitle.Length)..]);
            if (read.Place is not null && Words(read.Text).IsSupersetOf(words))
            {
                return read;
            }
        }

        if (header.Place is { } place && Provinces.Find(Text.TextFolding.Fold(place), allowDamage: false) is { } province && name.Parts[^1].Kind == BodyPartKind.Body && NeedsPlace(name.Parts[^1].Text))
        {
            var unit = Provinces.IsCentralCity(province) ? "thành phố" : "tỉnh";
            return new BodyName([.. name.Parts, new BodyPart(BodyPartKind.Unit, unit, unit == "tỉnh" ? "tỉnh" : "huyện"), new BodyPart(BodyPartKind.Place, province, null)]);
        }

        return name;
    }

    private static bool NeedsPlace(string body) => body is "Ủy ban nhân dân" or "UBND" or "Hội đồng nhân dân" or "HĐND" or "Ủy ban MTTQ Việt Nam" or "Ủy ban Mặt trận Tổ quốc Việt Nam";

    private static HashSet<string> Words(string text) =>
        Text.TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Bodies named as authors in the body: "… Ban Thường vụ Hội CCB huyện X ban hành Kế hoạch như sau".</summary>
    private static IEnumerable<BodyName> Authors(FoldedText text)
    {
        var folded = text.Folded;
        foreach (Match m in AuthorTail().Matches(folded))
        {
            var clauseStart = Math.Max(folded.LastIndexOfAny([',', ';', '.', '\n'], Math.Max(0, m.Index - 1)) + 1, m.Index - 120);
            for (var at = clauseStart; at < m.Index; at++)
            {
                if ((at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '\n') && BodyNames.ReadRunning(text, at) is { } read && read.End >= m.Index - 1)
                {
                    yield return read.Name;
                    break;
                }
            }
        }
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
            var behalf = OnBehalfPrefix().Replace(Text.TextFolding.Fold(onBehalf.Split(" / ")[0]), string.Empty);
            for (var at = folded.IndexOf(behalf, StringComparison.Ordinal); at >= 0 && behalf.Length > 2; at = folded.IndexOf(behalf, at + 1, StringComparison.Ordinal))
            {
                // A body after "của" is one the plan cites, not its author.
                if (!CuaBefore().IsMatch(folded[Math.Max(0, at - 6)..at]))
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
            foreach (var (province, name) in ProvinceNames)
            {
                if (name.IsMatch(folded))
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
