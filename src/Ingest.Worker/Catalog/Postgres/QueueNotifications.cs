using Npgsql;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// "The queue has new work": a PostgreSQL notification on one channel, sent in the transaction that queues
/// jobs or gives them back (so it is delivered at its commit, never before the rows are visible), and heard
/// by every worker on a connection of its own (<c>LISTEN</c>). A worker that does not scan the inbox then
/// claims a new job within a round trip instead of at its next poll. Notifications are a hint: the poll
/// stays, and covers what no notification announces (leases that run out, a retry's time coming) and any
/// time the listening connection is down.
/// </summary>
internal sealed class QueueNotifications(string connectionString)
{
    public const string Channel = "planingest_jobs";

    /// <summary>A listening connection idle this long is asked whether it is still there (a dead one hears nothing).</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(5);

    // Not pooled: LISTEN belongs to the session, which must not go back to a pool for other work.
    private readonly string unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "planingest listen" }.ConnectionString;

    /// <summary>Queues the notification in <paramref name="connection"/>'s transaction (sent when it commits).</summary>
    public static Task NotifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Pg.ExecuteAsync(connection, $"NOTIFY {Channel}", cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> on every notification until cancelled, and once each time listening
    /// (re)starts, for what was sent while nobody listened. A lost connection goes to <paramref name="failed"/>
    /// and is opened again after a pause.
    /// </summary>
    public async Task ListenAsync(Action changed, Action<Exception> failed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(unpooled);
                connection.Notification += (_, _) => changed();
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await Pg.ExecuteAsync(connection, $"LISTEN {Channel}", cancellationToken).ConfigureAwait(false);
                changed();
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
