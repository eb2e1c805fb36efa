using Npgsql;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// "Something changed in the catalog": a PostgreSQL notification on one channel, sent in the transaction that
/// makes the change (so it is delivered at its commit, never before the rows are visible), and heard by every
/// process on a connection of its own (<c>LISTEN</c>). Two channels: <see cref="Jobs"/> (jobs queued or given
/// back: a worker that does not scan the inbox claims them within a round trip instead of at its next poll) and
/// <see cref="Changes"/> (documents added to the change sequence: every node's index follower takes them in then,
/// instead of asking every second whether anything happened). Notifications are a hint: the polls stay, and cover
/// what no notification announces (leases that run out, a retry's time coming) and any time the listening
/// connection is down.
/// </summary>
internal sealed class CatalogNotifications(string connectionString, string channel)
{
    public const string Jobs = "planingest_jobs";
    public const string Changes = "planingest_changes";

    /// <summary>A listening connection idle this long is asked whether it is still there (a dead one hears nothing).</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(5);

    // Not pooled: LISTEN belongs to the session, which must not go back to a pool for other work.
    private readonly string unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = $"planingest listen {channel}" }.ConnectionString;

    /// <summary>Queues a notification on <paramref name="channel"/> in <paramref name="connection"/>'s transaction (sent when it commits).</summary>
    public static Task NotifyAsync(NpgsqlConnection connection, string channel, CancellationToken cancellationToken, string payload = "") =>
        Pg.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", channel), ("payload", payload));

    /// <summary>
    /// Calls <paramref name="heard"/> with the payload of every notification until cancelled, and with null once each
    /// time listening (re)starts, for what was sent while nobody listened. A lost connection goes to
    /// <paramref name="failed"/> and is opened again after a pause.
    /// </summary>
    public async Task ListenAsync(Action<string?> heard, Action<Exception> failed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(unpooled);
                connection.Notification += (_, e) => heard(e.Payload);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await Pg.ExecuteAsync(connection, $"LISTEN {channel}", cancellationToken).ConfigureAwait(false);
                heard(null);
                while (true)
                {
                    if (!await connection.WaitAsync(CheckEvery, cancellationToken).ConfigureAwait(false))
                    {
                        await Pg.ScalarAsync<int>(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                failed(e);
            }

            try
            {
                await Task.Delay(ReconnectAfter, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
