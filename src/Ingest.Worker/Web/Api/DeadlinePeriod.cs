using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// The days a deadline covers. A date known to the day is that day. A coarser one ("tháng 12/2024",
/// "quý III/2022") is a period: "due" and "end" fall on its last day (done by the end of it), "start"
/// on its first, and an "event" spans the whole of it.
/// </summary>
internal readonly record struct DeadlinePeriod(DateOnly First, DateOnly Last)
{
    public static DeadlinePeriod? Of(Deadline deadline)
    {
        if (deadline.Date is not { } date)
        {
            return null;
        }

        var (first, last) = Span(date);
        return deadline.Kind switch
        {
            DeadlineKind.Due or DeadlineKind.End => new DeadlinePeriod(last, last),
            DeadlineKind.Start => new DeadlinePeriod(first, first),
            _ => new DeadlinePeriod(first, last),
        };
    }

    /// <summary>The first and last day of a partial date.</summary>
    public static (DateOnly First, DateOnly Last) Span(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => (new DateOnly(date.Year, date.Month, date.Day), new DateOnly(date.Year, date.Month, date.Day)),
        DatePrecision.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        DatePrecision.Quarter => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(3).AddDays(-1)),
        _ => (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
    };
}
