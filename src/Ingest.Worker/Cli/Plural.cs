using System.Globalization;

namespace PlanIngest.Worker.Cli;

/// <summary>"1 page", "2 pages", "0 documents": counts for people.</summary>
internal static class Plural
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
