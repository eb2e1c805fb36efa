using System.Text.RegularExpressions;
using PlanIngest.Extraction.Fields.Vocabulary;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The noun a count counts (CONTRACT.md §1a <c>unit</c>): a known unit ("căn nhà", "bài viết/1 năm") or, for
/// any other noun, the short noun phrase after the number up to a verb or preposition ("05 tủ sách", "01
/// điểm tập kết rác đạt chuẩn" gives "điểm tập kết rác"). Ages, durations and ranks ("5 tuổi", "10 ngày", "3 sao") are not counts.
/// </summary>
internal static partial class CountedNoun
{
    // A counted noun is rarely longer than four syllables ("điểm tập kết rác"); a phrase that runs on past
    // them without a verb or preposition is a noun with its description ("tủ sách lớp học thân thiện"),
    // and only its head pair is the unit.
    private const int MaxWords = 4;
    private const int HeadWords = 2;

    // A counted noun phrase ends at a verb, a preposition or a qualifier (one or two syllables, folded).
    [GeneratedRegex(@"^(?:tham gia|duoc|dat|co|la|thuc hien|to chuc|xay dung|truc|do|du|hoan thanh|thoat|dang ky|tren|tai|vao|ve|cho|cua|trong|va|hoac|moi|tro len|xuong|so voi|den|theo|nham|de|gan voi|bi|nhan|tiep|can|o|khi|sau|truoc|hang|dinh ky|nhu|ma|thi|se|deu|cung|cac|nhung|mot|hai|ba|ho tro|kiem tra|tuyen truyen|giup|lam)$")]
    private static partial Regex StopWord();

    // Nouns of age, time and rank: a number before them measures or names, it does not count.
    [GeneratedRegex(@"^(?:tuoi|nam|thang|ngay|tuan|phut|giay|gio|sao|do|lan thu|thu|ky|khoa)\b")]
    private static partial Regex TimeOrRank();

    // Nouns that a number describes rather than counts as a target ("5 nội dung", "03 hình thức").
    [GeneratedRegex(@"^(?:tieu chi|noi dung|hinh thuc|nhiem vu|dieu|khoan|chuong|muc|kieu|loai|cap|nhiem ky|tang)$")]
    private static partial Regex NotCounted();

    [GeneratedRegex(@"\G\s*(?<w>[a-z]+)")]
    private static partial Regex NextWord();

    public static (string Text, int Length)? At(FoldedText text, int at)
    {
        var folded = text.Folded;
        if (CountUnits.At(folded, at) is { } known)
        {
            return known;
        }

        var end = at;
        var words = new List<(string Word, int End, string Original)>();
        foreach (Match w in NextWord().Matches(folded[at..Math.Min(folded.Length, at + 60)]))
        {
            var g = w.Groups["w"];
            words.Add((g.Value, at + g.Index + g.Length, text.Slice(at + g.Index, at + g.Index + g.Length)));
        }

        var count = 0;
        while (count < words.Count && count < MaxWords)
        {
            var one = words[count].Word;
            var two = count + 1 < words.Count ? one + " " + words[count + 1].Word : null;
            var original = words[count].Original;
            if (StopWord().IsMatch(one) || two is not null && StopWord().IsMatch(two) || original.Length == 0 || char.IsUpper(original[0]))
            {
                break;
            }

            end = words[count].End;
            count++;
        }

        if (count == MaxWords && count < words.Count && !StopWord().IsMatch(words[count].Word) && !char.IsUpper(words[count].Original.FirstOrDefault())
            && words[count].End - words[count - 1].End <= words[count].Word.Length + 2)
        {
            count = HeadWords;
            end = words[HeadWords - 1].End;
        }

        if (count == 0)
        {
            return null;
        }

        var noun = Letters.Squash(text.Slice(at, end));
        var nounFolded = Text.TextFolding.Fold(noun);
        return TimeOrRank().IsMatch(nounFolded) || NotCounted().IsMatch(nounFolded) ? null : (noun, end - at);
    }
}
