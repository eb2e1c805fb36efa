using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>
/// A calendar date known to a day, month, quarter or year, validated at construction (as Noda Time's
/// LocalDate / YearMonth are). Written as ISO 8601: 2021-03-03, 2024-12, 2022-Q3, 2025.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate
{
    private PartialDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public int Year { get; }

    /// <summary>1..12 for day and month precision; for quarter precision the quarter's first month.</summary>
    public int Month { get; }

    public int Day { get; }

    public DatePrecision Precision { get; }

    public int Quarter => (Month + 2) / 3;

    public string PrecisionName => Precision.ToString().ToLowerInvariant();

    public static PartialDate? TryDay(int year, int month, int day) =>
        IsYear(year) && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new PartialDate(year, month, day, DatePrecision.Day)
            : null;

    public static PartialDate? TryMonth(int year, int month) =>
        IsYear(year) && month is >= 1 and <= 12 ? new PartialDate(year, month, 0, DatePrecision.Month) : null;

    public static PartialDate? TryQuarter(int year, int quarter) =>
        IsYear(year) && quarter is >= 1 and <= 4 ? new PartialDate(year, quarter * 3 - 2, 0, DatePrecision.Quarter) : null;

    public static PartialDate? TryYear(int year) => IsYear(year) ? new PartialDate(year, 0, 0, DatePrecision.Year) : null;

    /// <summary>Parses the ISO forms that <see cref="ToString"/> writes; null on anything else.</summary>
    public static PartialDate? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return parts.Length switch
        {
            1 => TryYear(year),
            2 when parts[1].StartsWith('Q') && int.TryParse(parts[1][1..], out var q) => TryQuarter(year, q),
            2 when int.TryParse(parts[1], out var m) => TryMonth(year, m),
            3 when int.TryParse(parts[1], out var m) && int.TryParse(parts[2], out var d) => TryDay(year, m, d),
            _ => null,
        };
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        DatePrecision.Quarter => $"{Year:D4}-Q{Quarter}",
        _ => $"{Year:D4}",
    };

    // Administrative documents of interest lie well inside this span; anything outside is a misread.
    private static bool IsYear(int year) => year is >= 1900 and <= 2100;
}

internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString()) ?? throw new JsonException($"not a partial date: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
