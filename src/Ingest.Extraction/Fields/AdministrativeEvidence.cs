using System.Text.RegularExpressions;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// Whether a text is an administrative document at all. A news article, a chat message or a letter in
/// English has a dateline, times, a sign-off and numbers too; without a header, a preamble, a signature of
/// office (TM./KT./TL.), a "Nơi nhận" list or the numbered sections of a plan, none of those are read as a
/// document's fields (CONTRACT.md §1: a value not in the document is null, never a guess).
/// </summary>
internal static partial class AdministrativeEvidence
{
    [GeneratedRegex(@"(?m)^\s*(?:t\s?/\s?[ml]|tm|kt|k\s?/\s?t|tl|tuq)\s*[.]?\s*(?:ban|uy|chu|truong|giam|bi|doan|hoi|thu|pho)")]
    private static partial Regex OfficeSignature();

    [GeneratedRegex(@"(?m)^\s*n[o0]i\s*nh[a-z]{1,2}n\s*:")]
    private static partial Regex Recipients();

    // A plan's sections: a Roman heading on the parts plans have.
    [GeneratedRegex(@"(?m)^\s*[ivx]{1,4}\s*[.,]\s*(?:ve\s+|cac\s+|mot\s+so\s+)?(?:muc\s+(?:dich|tieu)|yeu\s+cau|chi\s+tieu|noi\s+dung|nhiem\s+vu|to\s+chuc\s+thuc\s+hien|thoi\s+gian|ket\s+qua|phuong\s+huong|giai\s+phap|kinh\s+te|van\s+hoa)")]
    private static partial Regex PlanSections();

    public static bool IsAdministrative(FoldedText text, HeaderResult header, int legalBases) =>
        header.HasHeader || legalBases > 0 || OfficeSignature().IsMatch(text.Folded) || Recipients().IsMatch(text.Folded) || PlanSections().IsMatch(text.Folded);
}
