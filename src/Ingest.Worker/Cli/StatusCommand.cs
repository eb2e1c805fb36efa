using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Catalog.Jobs;
using PlanIngest.Worker.Hosting;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// <c>planingest status [--data DIR] [--catalog CONNSTR] [--json]</c>: counts per state, the queue, recent
/// failures with reasons, and every worker that shares the catalog (host, pid, jobs in flight, last heartbeat).
/// </summary>
internal static class StatusCommand
{
    private const int Listed = 20;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The worker's data folder (default ./data).", DefaultValueFactory = _ => "data" };
        var json = SharedOptions.Json();
        var catalog = SharedOptions.Catalog();
        var command = new Command("status", "What the workers are doing: counts per state, the queue, recent failures with reasons, every worker's heartbeat.") { data, catalog, json };
        command.SetAction((parsed, token) => RunAsync(parsed.GetValue(data)!, CatalogSetting.Resolve(parsed.GetValue(catalog)), parsed.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(string data, string? shared, bool json, CancellationToken token)
    {
        var folder = shared is null ? DataFolder.At(data) : DataFolder.Shared(data, null, shared);
        StatusReport? report;
        try
        {
            report = await StatusReport.ReadAsync(folder, Listed, token);
        }
        catch (CatalogUnavailableException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.FileFailed;
        }

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
            ["catalog"] = r.SharedCatalog ?? "sqlite",
            ["last_sequence"] = r.LastSequence,
            ["workers"] = new JsonArray([.. r.Queue.Workers.Select(w => (JsonNode)new JsonObject
            {
                ["id"] = w.Beat.Id,
                ["host"] = w.Beat.Host,
                ["pid"] = w.Beat.Pid,
                ["in_flight"] = w.Beat.InFlight,
                ["scans_inbox"] = w.Beat.ScansInbox,
                ["index_sequence"] = w.Beat.IndexSequence,
                ["paused"] = w.Beat.Paused,
                ["started"] = Iso(w.Beat.StartedAt),
                ["last_heartbeat"] = Iso(w.LastHeartbeat),
                ["seconds_since_heartbeat"] = Math.Round((r.ReadAt - w.LastHeartbeat).TotalSeconds, 1),
                ["alive"] = r.ReadAt - w.LastHeartbeat < StatusReport.Silent,
            })]),
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

        Console.WriteLine($"catalog:   {r.Documents} document(s){(r.SharedCatalog is { } shared ? $" in the {shared}" : string.Empty)}");
        if (r.Queue.Workers.Count > 0)
        {
            Console.WriteLine("workers:");
            foreach (var w in r.Queue.Workers)
            {
                var age = r.ReadAt - w.LastHeartbeat;
                var gone = age < StatusReport.Silent ? string.Empty : " (silent: presumed gone; its jobs are taken over when their leases run out)";
                var scans = w.Beat.ScansInbox ? ", scans the inbox" : string.Empty;
                var lag = r.SharedCatalog is null ? string.Empty : $", index at change {w.Beat.IndexSequence} of {r.LastSequence}";
                Console.WriteLine($"  {w.Beat.Host} pid {w.Beat.Pid}: {w.Beat.InFlight} job(s) in flight{scans}{lag}; last heartbeat {age.TotalSeconds:0} s ago{gone}");
            }
        }

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
