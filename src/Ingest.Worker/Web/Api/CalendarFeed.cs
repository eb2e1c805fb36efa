using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// Deadlines as an iCalendar feed (RFC 5545, written by Ical.Net): one all-day event per dated
/// deadline, its summary the kind and the plan's number, its description the deadline's own words and
/// the plan it comes from, a link to the plan's page. UIDs and stamps come from the catalog, so an
/// unchanged catalog gives the same feed and a calendar that subscribes sees no churn.
/// </summary>
internal static class CalendarFeed
{
    private const int SummaryChars = 90;

    public static string Write(IEnumerable<DatedDeadline> deadlines, string name, Uri pageBase)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        foreach (var d in deadlines)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{d.DocumentId}-{d.Ordinal}@planingest",
                DtStamp = new CalDateTime(d.UpdatedAt.UtcDateTime, "UTC"),
                Start = new CalDateTime(d.Period.First),
                // DTEND of an all-day event is the day after its last.
                End = new CalDateTime(d.Period.Last.AddDays(1)),
                Summary = Summary(d),
                Description = Description(d),
                Url = new Uri(pageBase, "documents/" + d.DocumentId),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Summary(DatedDeadline d)
    {
        var text = OneLine(d.Deadline.Text);
        var summary = $"{Vietnamese.Kind(d.Deadline.Kind)}: {(text.Length > SummaryChars ? text[..SummaryChars].TrimEnd() + "…" : text)}";
        return d.Number is null ? summary : $"[{d.Number}] {summary}";
    }

    private static string Description(DatedDeadline d)
    {
        var source = string.Join(" ", new[] { d.DocType, d.Number is null ? null : "số " + d.Number, d.Issuer is null ? null : "của " + d.Issuer }.Where(p => p is not null));
        return $"{OneLine(d.Deadline.Text)}\n({Vietnamese.Date(d.Deadline.Date)})\n\n{source}{(d.Title is null ? string.Empty : "\n" + d.Title)}";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
