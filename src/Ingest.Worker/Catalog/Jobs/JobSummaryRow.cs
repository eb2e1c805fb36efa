using System.Data.Common;

namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>
/// A <see cref="JobSummary"/> as both catalogs select it: the same columns in the same order. Only the
/// time is read by the caller, because SQLite stores it as Unix milliseconds and PostgreSQL as
/// <c>timestamptz</c>.
/// </summary>
internal static class JobSummaryRow
{
    public const string Columns = "id, sha256, name, state, attempts, interruptions, last_error, quarantined_as, updated_at, pages, seconds";

    /// <summary>The ordinal of <c>updated_at</c> in <see cref="Columns"/>.</summary>
    public const int UpdatedAt = 8;

    public static JobSummary Read(DbDataReader r, DateTimeOffset updatedAt) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        JobStates.Parse(r.GetString(3)),
        r.GetInt32(4),
        r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        updatedAt,
        r.IsDBNull(9) ? null : r.GetInt32(9),
        r.IsDBNull(10) ? null : r.GetDouble(10));
}
