using System.Globalization;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Web;

/// <summary>How the page and the calendar feed say things in Vietnamese: dates as documents write them, kinds, comparators, facet names.</summary>
internal static class Vietnamese
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>"03/03/2021", "tháng 12/2024", "quý III/2022", "năm 2025".</summary>
    public static string Date(PartialDate? date) => date switch
    {
        null => "–",
        { Precision: DatePrecision.Day } d => $"{d.Day:D2}/{d.Month:D2}/{d.Year}",
        { Precision: DatePrecision.Month } d => $"tháng {d.Month:D2}/{d.Year}",
        { Precision: DatePrecision.Quarter } d => $"quý {Roman[d.Quarter - 1]}/{d.Year}",
        { } d => $"năm {d.Year}",
    };

    /// <summary>An ISO date string of the catalog ("2021-03-03", "2024-12") as <see cref="Date"/> writes it; the text itself when it is not one.</summary>
    public static string Date(string? iso) => iso is null ? "–" : PartialDate.TryParse(iso) is { } date ? Date(date) : iso;

    public static string Kind(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Due => "Hạn",
        DeadlineKind.Start => "Bắt đầu",
        DeadlineKind.End => "Kết thúc",
        DeadlineKind.Event => "Diễn ra",
        _ => "Định kỳ",
    };

    public static string Comparator(Comparator comparator) => comparator switch
    {
        Extraction.Model.Comparator.AtLeast => "ít nhất",
        Extraction.Model.Comparator.MoreThan => "trên",
        Extraction.Model.Comparator.AtMost => "không quá",
        Extraction.Model.Comparator.LessThan => "dưới",
        _ => "đạt",
    };

    /// <summary>A target's value: "95%", "1.200 lao động", "82,5%" (comma decimals, dot thousands).</summary>
    public static string Value(decimal value, string? unit)
    {
        var number = value.ToString("#,##0.##", Culture);
        return unit is null ? number : unit == "%" ? number + "%" : number + " " + unit;
    }

    /// <summary>The sidebar's heading for a facet of CONTRACT.md §2.</summary>
    public static string Facet(string name) => name switch
    {
        "doc_type" => "Loại văn bản",
        "issuer" => "Cơ quan ban hành",
        "province" => "Tỉnh, thành phố",
        "level" => "Cấp",
        "year" => "Năm",
        "cites" => "Văn bản được trích dẫn",
        "campaign" => "Phong trào",
        _ => name,
    };

    /// <summary>An ISO 8601 instant as a clock in Việt Nam reads it: "18:07 01/12/2026"; the text itself when it is not one.</summary>
    public static string Time(string? iso)
    {
        if (!DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return iso ?? "–";
        }

        return TimeZoneInfo.ConvertTime(instant, VietnamTime).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    public static string Number(int value) => value.ToString("#,##0", Culture);

    private static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    // The archive's readers are in Việt Nam whatever zone the server runs in (UTC+7, no daylight saving).
    private static TimeZoneInfo VietnamTime { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
}
