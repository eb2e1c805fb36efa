using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Fields;

/// <summary>A body named by the header: its full name and the body one line above it.</summary>
internal sealed record NamedBody(BodyName Name, BodyName? Parent);

/// <summary>
/// Composes the issuing bodies from the header's issuer column (CONTRACT.md §1a). Lines that only name a
/// place complete the line above; a committee ("BAN THƯỜNG TRỰC", "BCH", "ĐOÀN CHỦ TỊCH") is named with the
/// organisation above it; a department ("SỞ Y TẾ", "PHÒNG NỘI VỤ", "BAN CHỈ ĐẠO …") with its government's
/// unit and place; two complete bodies of one level and place stacked in the column are a joint document.
/// </summary>
internal static class HeaderIssuer
{
    public static IReadOnlyList<NamedBody> Read(HeaderResult header)
    {
        var groups = Groups(header);
        if (groups.Count == 0)
        {
            return [];
        }

        // Joint documents: the last bodies of the column, each complete, of one level and one place.
        var jointFrom = groups.Count - 1;
        while (jointFrom > 0 && IsJointPartner(groups[jointFrom - 1], groups[jointFrom]))
        {
            jointFrom--;
        }

        if (jointFrom < groups.Count - 1)
        {
            var parent = jointFrom > 0 ? new BodyName(groups[jointFrom - 1]) : null;
            var place = groups[^1].SkipWhile(p => p.Kind != BodyPartKind.Unit).ToList();
            return groups.Skip(jointFrom)
                .Select(g => new NamedBody(new BodyName(HasPlace(g) ? g : [.. g, .. place]), parent))
                .ToList();
        }

        var last = groups[^1];
        var above = groups.Count > 1 ? groups[^2] : null;
        return [new NamedBody(new BodyName(Complete(last, above, header.Organisation, header.Place)), above is null ? null : new BodyName(above))];
    }

    /// <summary>The name of a committee without its organisation ("Ban Chấp hành Hội Nông dân tỉnh X" → "Hội Nông dân tỉnh X").</summary>
    public static IReadOnlyList<BodyPart> WithoutCommittee(IReadOnlyList<BodyPart> parts) =>
        parts.SkipWhile(p => p.Kind == BodyPartKind.Body && BodyNames.IsCommittee(p.Text)).ToList();

    private static List<List<BodyPart>> Groups(HeaderResult header)
    {
        var groups = new List<List<BodyPart>>();
        foreach (var line in header.LeftColumn)
        {
            var read = BodyNames.Read(line);
            if (read.Parts.Count == 0)
            {
                continue;
            }

            var endsWithUnit = groups.Count > 0 && groups[^1][^1].Kind == BodyPartKind.Unit;
            if (groups.Count > 0 && (read.IsOnlyLocation || endsWithUnit && read.Parts.All(p => p.Kind == BodyPartKind.Unknown)))
            {
                // "UBND THỊ XÃ" / "PHÚ THỌ": a line of words alone after a unit word is that unit's name.
                groups[^1].AddRange(endsWithUnit && !read.IsOnlyLocation
                    ? [new BodyPart(BodyPartKind.Place, Letters.TitleCase(line), null)]
                    : read.Parts);
            }
            else
            {
                groups.Add([.. read.Parts]);
            }
        }

        groups.RemoveAll(g => !g.Any(p => p.Kind is BodyPartKind.Body or BodyPartKind.Unit or BodyPartKind.Unknown));
        return groups.Select(g => RepairPlace(g, header.Place)).ToList();
    }

    private static bool HasPlace(List<BodyPart> parts) => parts.Any(p => p.Kind == BodyPartKind.Place);

    private static bool IsJointPartner(List<BodyPart> a, List<BodyPart> b)
    {
        if (IsCommittee(a) || IsCommittee(b) || Named(a) || Named(b) || !Organisation(a) || !Organisation(b))
        {
            return false;
        }

        var nameA = new BodyName(a);
        var nameB = new BodyName(b);
        if (nameA.Place is null)
        {
            // "ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT NAM" / "TỈNH ĐẮK LẮK": the place line serves both; a body of
            // its own level ("BỘ CÔNG AN" above "CÔNG AN TỈNH …") is the parent instead.
            return nameB.Place is not null && nameA.Level is null && !IsLocatedOnly(a);
        }

        return nameB.Place is not null && nameA.Level == nameB.Level
            && Letters.Key(Text.TextFolding.Fold(nameA.Place)) == Letters.Key(Text.TextFolding.Fold(nameB.Place));
    }

    private static bool IsCommittee(List<BodyPart> parts) =>
        parts.Where(p => p.Kind == BodyPartKind.Body).All(p => BodyNames.IsCommittee(p.Text)) && parts.Any(p => p.Kind == BodyPartKind.Body);

    private static bool Named(List<BodyPart> parts) => parts.Any(p => p.Kind == BodyPartKind.Body && BodyNames.IsNamed(p.Text));

    private static bool Organisation(List<BodyPart> parts) => parts.Any(p => p.Kind == BodyPartKind.Body);

    private static bool IsLocatedOnly(List<BodyPart> parts) =>
        parts.Count > 0 && parts[0].Kind == BodyPartKind.Body && BodyNames.IsLocated(parts[0].Text) && !HasPlace(parts);

    private static List<BodyPart> Complete(List<BodyPart> last, List<BodyPart>? above, string? organisation, string? placeLine)
    {
        if (Named(last))
        {
            return last;
        }

        if (IsCommittee(last))
        {
            // "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ VIỆT NAM TỈNH BÌNH PHƯỚC"; "BCH TỈNH KIÊN GIANG" under
            // "HỘI NÔNG DÂN VIỆT NAM"; "BAN CHẤP HÀNH TRUNG ƯƠNG" beside "ĐOÀN TNCS HỒ CHÍ MINH".
            var committee = last.TakeWhile(p => p.Kind == BodyPartKind.Body).ToList();
            var ownPlace = last.Skip(committee.Count).ToList();
            if (above is not null)
            {
                var organisationParts = above.Where(p => p.Kind == BodyPartKind.Body && !BodyNames.IsCommittee(p.Text)).ToList();
                var abovePlace = above.SkipWhile(p => p.Kind == BodyPartKind.Body).ToList();
                return [.. committee, .. organisationParts, .. (ownPlace.Count > 0 ? ownPlace : abovePlace)];
            }

            if (organisation is not null)
            {
                return [.. committee, new BodyPart(BodyPartKind.Body, organisation, null), .. ownPlace];
            }

            return last;
        }

        if (above is null || HasPlace(last))
        {
            return last;
        }

        var isLocated = last[0].Kind == BodyPartKind.Body && BodyNames.IsLocated(last[0].Text);
        var suffix = isLocated ? above.SkipWhile(p => p.Kind != BodyPartKind.Unit).ToList() : [.. above];
        return [.. last, .. suffix];
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
}
