using Npgsql;

namespace PlanIngest.Worker.Catalog.Postgres;

/// <summary>
/// The inbox-scanning turn: a session-level advisory lock held on a connection of its own. The lock
/// lives exactly as long as that session, so when the holding process dies (its socket closes) or its
/// machine vanishes (the server ends the session after <see cref="IdleLimit"/> without a word from
/// it) the next process that asks gets the turn. The holder asks again before every pass and on every
/// heartbeat; a failed check means the session, and so the turn, is gone.
/// </summary>
internal sealed class DiscoveryLock(string connectionString) : IAsyncDisposable
{
    /// <summary>The advisory lock key ("planingest inbox" folded into 64 bits); shared by every process on the catalog's database.</summary>
    private const long Key = 0x504c_414e_494e_424f;

    /// <summary>The server closes a silent holder's session after this; holders speak at least every heartbeat (at most a minute).</summary>
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(3);

    // Not pooled: a pooled connection goes back to the pool with its session, and the lock with it.
    private readonly string unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "planingest discovery" }.ConnectionString;
    private readonly SemaphoreSlim gate = new(1, 1);
    private NpgsqlConnection? connection;
    private bool held;

    /// <summary>True when this process holds the turn (taking it if it is free); false when another process has it.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is not null)
            {
                try
                {
                    return held
                        ? await Pg.ScalarAsync<int>(connection, "SELECT 1", cancellationToken).ConfigureAwait(false) == 1
                        : held = await TryLockAsync(connection, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The session is gone, and the lock with it: someone else may hold the turn by now.
                    await DropAsync().ConfigureAwait(false);
                }
            }

            var fresh = new NpgsqlConnection(unpooled);
            try
            {
                await fresh.OpenAsync(cancellationToken).ConfigureAwait(false);
                held = await TryLockAsync(fresh, cancellationToken).ConfigureAwait(false);
                connection = fresh;
                return held;
            }
            catch
            {
                await fresh.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Gives the turn up at once (a graceful stop), so the next process need not wait for anything.</summary>
    public async Task ReleaseAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        if (!await Pg.ScalarAsync<bool>(session, "SELECT pg_try_advisory_lock(@key)", cancellationToken, ("key", Key)).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await Pg.ExecuteAsync(session, $"SET idle_session_timeout = '{(int)IdleLimit.TotalSeconds}s'", cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedObject)
        {
            // Before PostgreSQL 14: a vanished machine's turn then ends only when the server's TCP keepalive notices.
        }

        return true;
    }

    private async Task DropAsync()
    {
        held = false;
        if (connection is { } open)
        {
            connection = null;
            await open.DisposeAsync().ConfigureAwait(false);
        }
    }
}
