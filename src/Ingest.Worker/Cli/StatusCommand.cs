using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Cli;

/// <summary><c>planingest status [--data DIR] [--json]</c>: counts per state, the queue, recent failures with reasons.</summary>
internal static class StatusCommand
{
    private const int Listed = 20;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The worker's data folder (default ./data).", DefaultValueFactory = _ => "data" };
        var json = SharedOptions.Json();
        var command = new Command("status", "What the worker is doing: counts per state, the queue, recent failures with reasons.") { data, json };
        command.SetAction((parsed, token) => RunAsync(parsed.GetValue(data)!, parsed.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(string data, bool json, CancellationToken token)
    {
        var folder = PlanIngest.Worker.Catalog.DataFolder.At(data);
        var report = await StatusReport.ReadAsync(folder, Listed, token);
        if (report is null)
        {
            await Console.Error.WriteLineAsync($"{Path.GetFullPath(folder.Root)}: no catalog here (has 'planingest watch INBOX --data {data}' run yet?)");
            return ExitCodes.FileFailed;
        }

        if (json)
        {
            ConsoleOutput.Json(ToJson(report));
        }
        else
        {
            Print(report);
        }

        return ExitCodes.Success;
    }

    public static JsonObject ToJson(StatusReport r)
    {
        var counts = new JsonObject();
        foreach (var state in JobStates.All)
        {
            counts[state.Name()] = r.Queue.Counts[state];
        }

        return new JsonObject
        {
            ["data"] = r.Data,
            ["worker"] = new JsonObject { ["running"] = r.WorkerRunning, ["pid"] = r.WorkerPid, ["paused"] = r.PausedBecause },
            ["storage"] = new JsonObject { ["free_bytes"] = r.FreeBytes, ["problem"] = r.StorageProblem },
            ["inbox"] = r.Inbox is null ? null : new JsonObject { ["path"] = r.Inbox, ["waiting"] = r.InboxWaiting },
            ["documents"] = r.Documents,
            ["counts"] = counts,
            ["queue"] = new JsonArray([.. r.Queue.Waiting.Select(j => (JsonNode)new JsonObject
            {
                ["name"] = j.Name,
                ["sha256"] = j.Sha256,
                ["state"] = j.State.Name(),
                ["attempts"] = j.Attempts,
                ["interruptions"] = j.Interruptions,
                ["last_error"] = j.LastError,
                ["since"] = Iso(j.UpdatedAt),
            })]),
            ["recent_failures"] = new JsonArray([.. r.Queue.RecentFailures.Select(j => (JsonNode)new JsonObject
            {
                ["name"] = j.Name,
                ["sha256"] = j.Sha256,
                ["error"] = j.LastError,
                ["attempts"] = j.Attempts,
                ["quarantined_as"] = j.QuarantinedAs,
                ["at"] = Iso(j.UpdatedAt),
            }), .. r.Queue.RecentRejections.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Name,
                ["sha256"] = null,
                ["error"] = e.Reason,
                ["attempts"] = 0,
                ["quarantined_as"] = e.QuarantinedAs,
                ["at"] = Iso(e.At),
            })]),
        };
    }

    private static void Print(StatusReport r)
    {
        var worker = r.WorkerRunning ? $"running{(r.WorkerPid is { } pid ? $" (pid {pid})" : string.Empty)}" : "not running";
        Console.WriteLine($"worker:    {worker}{(r.PausedBecause is { } why ? $"; PAUSED: {why}" : string.Empty)}");
        var free = r.FreeBytes is { } bytes ? $"{bytes / (1024.0 * 1024 * 1024):0.0} GB free" : "free space unknown";
        Console.WriteLine($"data:      {r.Data} ({free}{(r.StorageProblem is { } p ? $"; {p}" : string.Empty)})");
        if (r.Inbox is not null)
        {
            Console.WriteLine($"inbox:     {r.Inbox} ({(r.InboxWaiting is { } n ? $"{n} file(s) not taken yet" : "cannot be listed")})");
        }

        Console.WriteLine($"catalog:   {r.Documents} document(s)");
        Console.WriteLine("jobs:      " + string.Join(", ", JobStates.All.Select(s => $"{r.Queue.Counts[s]} {s.Name()}")));
        if (r.Queue.Waiting.Count > 0)
        {
            Console.WriteLine("queue:");
            foreach (var j in r.Queue.Waiting)
            {
                var tries = j.Attempts > 0 ? $", {j.Attempts} failed attempt(s), last: {j.LastError}" : string.Empty;
                Console.WriteLine($"  {j.Name}  {j.State.Name()} since {Local(j.UpdatedAt)}{tries}");
            }
        }

        var failures = r.Queue.RecentFailures.Select(j => (j.UpdatedAt, Line: $"{j.Name}: {j.LastError} ({j.Attempts} attempt(s){(j.QuarantinedAs is { } q ? $"; quarantine/{q}" : string.Empty)})"))
            .Concat(r.Queue.RecentRejections.Select(e => (UpdatedAt: e.At, Line: $"{e.Name}: {e.Reason}{(e.QuarantinedAs is { } q ? $" (quarantine/{q})" : string.Empty)}")))
            .OrderByDescending(f => f.UpdatedAt)
            .Take(Listed)
            .ToList();
        if (failures.Count > 0)
        {
            Console.WriteLine("recent failures:");
            failures.ForEach(f => Console.WriteLine($"  {Local(f.UpdatedAt)} {f.Line}"));
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
