using Npgsql;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// This machine's clock set to the database server's. Leases are written by one machine and judged
/// expired by another, so they must be measured on one clock; the offset is taken once, at opening,
/// from the round trip of a <c>clock_timestamp()</c> query.
/// </summary>
internal sealed class ServerClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public static async Task<ServerClock> MeasureAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var before = DateTimeOffset.UtcNow;
        var server = await Pg.ScalarAsync<DateTime>(connection, "SELECT clock_timestamp()", cancellationToken).ConfigureAwait(false);
        var after = DateTimeOffset.UtcNow;
        var local = before + ((after - before) / 2);
        return new ServerClock(new DateTimeOffset(DateTime.SpecifyKind(server, DateTimeKind.Utc)) - local);
    }
}
