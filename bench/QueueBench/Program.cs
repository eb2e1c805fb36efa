using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Catalog.Postgres;

// Queue benchmark (issue 11). Not a test: it prints numbers.
//   run CONN WORKERS JOBS [FINISHED] [BATCH]   fills the jobs table with FINISHED indexed jobs (once; kept
//       for the next run) and JOBS queued text jobs, then starts WORKERS processes of this program that all
//       begin at one instant and claim BATCH jobs at a time, marking each extracted and then complete, as a
//       worker does, until the queue is empty. Prints jobs/s over the span from the common start to the last
//       completion, and the median and p95 time of one claim statement.
//   work CONN START_UNIX_MS BATCH              one of those processes (prints "jobs claims first_ms last_ms claim_ms...")
var culture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "run":
        return await Run(args[1], int.Parse(args[2], culture), int.Parse(args[3], culture), args.Length > 4 ? int.Parse(args[4], culture) : 0, args.Length > 5 ? int.Parse(args[5], culture) : 4);
    case "work":
        return await Work(args[1], long.Parse(args[2], culture), int.Parse(args[3], culture));
    default:
        Console.Error.WriteLine("usage: QueueBench run CONN WORKERS JOBS [FINISHED] [BATCH] | work CONN START_UNIX_MS BATCH");
        return 2;
}

static async Task<int> Run(string connectionString, int workers, int jobs, int finished, int batch)
{
    // Opening the catalog applies the migrations, as a worker's start would.
    using (await PostgresCatalog.OpenAsync(connectionString))
    {
    }

    await using (var connection = new NpgsqlConnection(connectionString))
    {
        await connection.OpenAsync();
        var present = (long)(await new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state = 'indexed' AND name LIKE 'done-%'", connection).ExecuteScalarAsync())!;
        var fill = Stopwatch.StartNew();
        if (present < finished)
        {
            // Finished jobs as a long-running catalog holds them: indexed, lease cleared.
            await Execute(connection, $"""
                INSERT INTO jobs (sha256, name, media_type, size, state, pages, fields, seconds, created_at, updated_at, started_at, finished_at)
                SELECT encode(sha256(('done-' || i)::bytea), 'hex'), 'done-' || i || '.txt', 'text/plain', 1200, 'indexed', 1, 9, 0.05, now(), now(), now(), now()
                FROM generate_series({present + 1}, {finished}) AS i
                """);
        }

        var run = DateTime.UtcNow.Ticks;
        await Execute(connection, $"""
            INSERT INTO jobs (sha256, name, media_type, size, state, created_at, updated_at)
            SELECT encode(sha256(('{run}-' || i)::bytea), 'hex'), 'plan-{run}-' || i || '.txt', 'text/plain', 1200, 'queued', now(), now()
            FROM generate_series(1, {jobs}) AS i
            """);
        await Execute(connection, "VACUUM ANALYZE jobs");
        var total = (long)(await new NpgsqlCommand("SELECT count(*) FROM jobs", connection).ExecuteScalarAsync())!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jobs table: {total} rows ({total - jobs} finished, {jobs} queued; filled in {fill.Elapsed.TotalSeconds:0.0} s)"));
    }

    var self = System.Reflection.Assembly.GetEntryAssembly()!.Location; // not typeof(Program): planingest, referenced here, has a Program of its own
    var start = DateTimeOffset.UtcNow.AddSeconds(3 + workers).ToUnixTimeMilliseconds();
    var processes = Enumerable.Range(0, workers).Select(_ =>
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var a in (string[])[self, "work", connectionString, start.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }).ToList();
    var reports = await Task.WhenAll(processes.Select(async p =>
    {
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }));

    var done = reports.Sum(r => r[0]);
    var claims = reports.Sum(r => r[1]);
    var lastMs = reports.Max(r => r[3]);
    // A process that began after the common instant (a slow start on a loaded machine) does not stretch the span.
    var began = Math.Max(start, reports.Min(r => r[2]));
    var late = reports.Max(r => r[2]) - start;
    var seconds = (lastMs - began) / 1000.0;
    var claimTimes = reports.SelectMany(r => r.Skip(4)).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{workers} worker processes, {batch} jobs a claim: {done} jobs claimed, extracted and completed in {seconds:0.00} s = {done / seconds:0} jobs/s " +
        $"({claims} claims; claim statement median {Percentile(claimTimes, 0.5):0.0} ms, p95 {Percentile(claimTimes, 0.95):0.0} ms; per process {string.Join(" ", reports.Select(r => r[0]))}{(late > 0 ? $"; the last process began {late:0} ms late" : "")})"));
    await using (var connection = new NpgsqlConnection(connectionString))
    {
        await connection.OpenAsync();
        var left = (long)(await new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state <> 'indexed'", connection).ExecuteScalarAsync())!;
        if (left != 0 || done != jobs)
        {
            Console.Error.WriteLine($"queue bench: {left} jobs not indexed, {done} completed of {jobs}");
            return 1;
        }
    }

    return 0;
}

static async Task<int> Work(string connectionString, long startUnixMs, int batch)
{
    using var catalog = await PostgresCatalog.OpenAsync(connectionString);
    var id = $"bench/{Environment.ProcessId}/{Guid.NewGuid():N}"[..24];
    var wait = startUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (wait > 0)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(wait));
    }

    var done = 0;
    var claimTimes = new List<double>();
    var first = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    var outcome = new JobOutcome(1, 9, TimeSpan.FromMilliseconds(5));
    while (true)
    {
        var watch = Stopwatch.StartNew();
        var leases = await catalog.ClaimAsync(id, batch, TimeSpan.FromMinutes(5), JobSelection.Fresh, CancellationToken.None);
        claimTimes.Add(watch.Elapsed.TotalMilliseconds);
        if (leases.Count == 0)
        {
            break;
        }

        foreach (var lease in leases)
        {
            if (await catalog.MarkExtractedAsync(lease.Lease, outcome, CancellationToken.None) && await catalog.CompleteAsync(lease.Lease, CancellationToken.None))
            {
                done++;
            }
        }
    }

    var last = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    Console.Write(string.Join(' ', new[] { done, claimTimes.Count, first, last }.Select(v => v.ToString(CultureInfo.InvariantCulture)).Concat(claimTimes.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))));
    return 0;
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
