using System.Text.RegularExpressions;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>
/// The searcher's and the API's one-line reasons (English, for scripts) said in Vietnamese for the page;
/// a reason not listed here is shown as it is, so nothing is hidden.
/// </summary>
internal static partial class PageMessages
{
    public static string InVietnamese(string reason) => reason switch
    {
        _ when reason.StartsWith("unbalanced quotes", StringComparison.Ordinal) => "thiếu dấu ngoặc kép đóng cụm từ (\").",
        _ when reason.StartsWith("unbalanced parentheses", StringComparison.Ordinal) => "dấu ngoặc đơn mở và đóng không khớp nhau.",
        _ when reason.StartsWith("query has no words", StringComparison.Ordinal) => "câu tìm không có từ nào để tìm.",
        _ when reason.StartsWith("a wildcard", StringComparison.Ordinal) => "dấu * khớp với quá nhiều từ; hãy gõ thêm vài chữ trước dấu *.",
        _ when reason.StartsWith("--cites", StringComparison.Ordinal) || reason.StartsWith("'cites'", StringComparison.Ordinal) => "số hiệu văn bản được trích dẫn không đọc được (ví dụ đúng: 13/CT-UBND).",
        _ when reason.StartsWith("unknown filter", StringComparison.Ordinal) || reason.StartsWith("filter", StringComparison.Ordinal) => "điều kiện lọc không hợp lệ.",
        _ when Length().Match(reason) is { Success: true } m => $"câu tìm dài {m.Groups[1].Value} ký tự; tối đa là {m.Groups[2].Value}.",
        _ when reason.StartsWith("'q' is required", StringComparison.Ordinal) => "hãy nhập chỉ tiêu cần so sánh, ví dụ: gia đình văn hóa.",
        _ when reason.Contains("names no subject", StringComparison.Ordinal) => "không nhận ra chỉ tiêu nào trong từ đã nhập; hãy gõ tên chỉ tiêu, ví dụ: gia đình văn hóa.",
        _ when reason.Contains("names no issuing body", StringComparison.Ordinal) => "không nhận ra tên cơ quan ban hành.",
        _ when reason.Contains("is after 'to'", StringComparison.Ordinal) => "năm bắt đầu đứng sau năm kết thúc.",
        _ when reason.Contains("must be between", StringComparison.Ordinal) || reason.Contains("whole number", StringComparison.Ordinal) => $"giá trị không hợp lệ ({reason}).",
        _ => reason,
    };

    [GeneratedRegex(@"is (\d+) characters long; the limit is (\d+)")]
    private static partial Regex Length();
}
