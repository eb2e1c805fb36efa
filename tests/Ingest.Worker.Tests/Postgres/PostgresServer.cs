using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;
using PlanIngest.Worker.Tests.Catalog;

namespace PlanIngest.Worker.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: made with Debian's <c>initdb</c> in a temporary
/// folder, run by the unprivileged <c>postgres</c> user when the tests run as root (the server refuses
/// root), listening only on a Unix socket in that folder, and removed at the end. Each test takes a
/// database of its own. When the server cannot start here, <see cref="Unavailable"/> says why and the
/// tests that need it are skipped with that reason. The folder names its owner (this test process's id and start
/// time, in <c>owner</c>), so that a later run stops and removes the clusters of runs that were killed before
/// they could remove their own (<see cref="RemoveStale"/>); a folder without that file, or whose owner lives, is left alone.
/// </summary>
public sealed partial class PostgresServer : IDisposable
{
    private readonly string folder;
    private readonly string dataDirectory;
    private readonly string? runAs;
    private readonly string? binaries;
    private int databases;

    private const string Prefix = "planingest-pg-";
    private const string OwnerFile = "owner";

    public PostgresServer()
    {
        runAs = geteuid() == 0 ? "postgres" : null;
        binaries = FindBinaries();
        folder = Directory.CreateTempSubdirectory(Prefix).FullName;
        dataDirectory = Path.Combine(folder, "data");
        File.WriteAllText(Path.Combine(folder, OwnerFile), ProcessIdentity(Environment.ProcessId));
        RemoveStale();
        try
        {
            Start();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            Unavailable = e.Message;
        }
    }

    /// <summary>Why no server runs (null when one does).</summary>
    public string? Unavailable { get; }

    /// <summary>The socket folder: the <c>Host</c> of every connection string.</summary>
    public string SocketFolder => folder;

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase(string purpose)
    {
        Skip.If(Unavailable is not null, $"PostgreSQL is not available: {Unavailable}");
        var name = $"{purpose}_{Interlocked.Increment(ref databases)}".ToLowerInvariant();
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = folder, Username = "postgres", Database = database, MaxPoolSize = 30 }.ConnectionString;

    public void Dispose()
    {
        if (Unavailable is null)
        {
            NpgsqlConnection.ClearAllPools();
            Run(Tool("pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30), allowFailure: true);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Stops and removes the clusters of earlier test runs whose process is gone (killed before its Dispose ran):
    /// each would otherwise keep a server running and its folder in /tmp. Only folders whose owner file names a
    /// process that no longer exists (a reused pid has another start time) are touched.
    /// </summary>
    private void RemoveStale()
    {
        foreach (var other in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            string owner;
            try
            {
                owner = File.ReadAllText(Path.Combine(other, OwnerFile)).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // no owner file (a run of the harness before it wrote one, or one still starting): not ours to judge
            }

            if (other == folder || !int.TryParse(owner.Split(' ')[0], out var pid) || ProcessIdentity(pid) == owner)
            {
                continue;
            }

            if (binaries is not null && File.Exists(Path.Combine(other, "data", "postmaster.pid")))
            {
                Run(Tool("pg_ctl"), ["-D", Path.Combine(other, "data"), "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30), allowFailure: true, workingDirectory: other);
            }

            try
            {
                Directory.Delete(other, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run removing it at the same time, or a file that will not go: the next run tries again.
            }
        }
    }

    /// <summary>"PID STARTTIME" of a living process (its start time in clock ticks since boot, field 22 of /proc/PID/stat), or "" when none has that id.</summary>
    private static string ProcessIdentity(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid} {fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private void Start()
    {
        if (binaries is null)
        {
            throw new InvalidOperationException("no initdb under /usr/lib/postgresql/*/bin (scripts/setup.sh installs Debian's postgresql package)");
        }

        if (runAs is not null)
        {
            // The server runs as postgres and must own its folder; the socket lives there too.
            Run("chown", ["-R", $"{runAs}:", folder], TimeSpan.FromSeconds(10));
        }

        Run(Tool("initdb"), ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], TimeSpan.FromSeconds(120));

        // fsync off: the tests kill workers, never the server, and a durable commit costs seconds on this shared disk.
        var settings = $"-k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB";
        Run(Tool("pg_ctl"), ["-D", dataDirectory, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "-t", "120", "start"], TimeSpan.FromSeconds(150));
    }

    private string Tool(string name) => Path.Combine(binaries!, name);

    private void Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, bool allowFailure = false, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(runAs is not null && program != "chown" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? folder,
        };
        if (runAs is not null && program != "chown")
        {
            foreach (var a in (string[])["-u", runAs, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s");
        }

        if (process.ExitCode != 0 && !allowFailure)
        {
            var log = Path.Combine(folder, "server.log");
            var tail = File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : string.Empty;
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {errors.Result.Trim()} {output.Result.Trim()} {tail}".Trim());
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;

    [LibraryImport("libc")]
    private static partial uint geteuid();
}

/// <summary>The tests that need the server share one cluster (and the fixture records) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<FixtureRecords>
{
    public const string Name = "PostgreSQL";
}
