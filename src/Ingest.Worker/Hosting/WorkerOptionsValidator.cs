using Microsoft.Extensions.Options;

namespace PlanIngest.Worker.Hosting;

/// <summary>Checks the settings at start (<c>ValidateOnStart</c>), so a mistake is one clear line before anything is touched.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Inbox))
        {
            problems.Add("Worker:Inbox is not set (planingest watch INBOX)");
        }

        if (string.IsNullOrWhiteSpace(options.Data))
        {
            problems.Add("Worker:Data is not set (--data DIR)");
        }

        if (!string.IsNullOrWhiteSpace(options.Inbox) && !string.IsNullOrWhiteSpace(options.Data) && Overlap(options.Inbox, options.Data))
        {
            problems.Add($"the inbox ({options.Inbox}) and the data folder ({options.Data}) must not contain one another");
        }

        Check(problems, options.Parallelism is >= 1 and <= 256, $"Worker:Parallelism must be 1–256 (is {options.Parallelism})");
        Check(problems, options.DocumentsInFlight is null or (>= 1 and <= 1024), $"Worker:DocumentsInFlight must be 1–1024 (is {options.DocumentsInFlight})");
        Check(problems, options.StabilityInterval >= TimeSpan.Zero && options.StabilityInterval <= TimeSpan.FromHours(1), $"Worker:StabilityInterval must be 0 to 1 hour (is {options.StabilityInterval})");
        Check(problems, options.RescanInterval >= TimeSpan.FromMilliseconds(100), $"Worker:RescanInterval must be at least 0.1 s (is {options.RescanInterval})");
        Check(problems, options.PageTimeLimit > TimeSpan.Zero, $"Worker:PageTimeLimit must be positive (is {options.PageTimeLimit})");
        Check(problems, !string.IsNullOrWhiteSpace(options.OcrLanguages) && options.OcrLanguages.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '_'), $"Worker:OcrLanguages must look like vie or vie+eng (is '{options.OcrLanguages}')");
        Check(problems, options.Retry.MaxAttempts is >= 1 and <= 100, $"Worker:Retry:MaxAttempts must be 1–100 (is {options.Retry.MaxAttempts})");
        Check(problems, options.Retry.MaxInterruptions is >= 1 and <= 1000, $"Worker:Retry:MaxInterruptions must be 1–1000 (is {options.Retry.MaxInterruptions})");
        Check(problems, options.Retry.FirstDelay >= TimeSpan.Zero && options.Retry.FirstDelay <= options.Retry.MaxDelay, "Worker:Retry:FirstDelay must be between 0 and Worker:Retry:MaxDelay");
        Check(problems, options.MinFreeMegabytes >= 0, $"Worker:MinFreeMegabytes must not be negative (is {options.MinFreeMegabytes})");
        Check(problems, options.SummaryInterval >= TimeSpan.FromSeconds(1), $"Worker:SummaryInterval must be at least 1 s (is {options.SummaryInterval})");
        Check(problems, options.LeaseDuration >= TimeSpan.FromSeconds(1) && options.LeaseDuration <= TimeSpan.FromHours(1), $"Worker:LeaseDuration must be 1 s to 1 hour (is {options.LeaseDuration})");
        // Two heartbeats per lease at least, and one a minute at least: the discovery turn's session is ended by the server after three silent minutes.
        Check(problems, options.HeartbeatInterval > TimeSpan.Zero && options.HeartbeatInterval * 2 <= options.LeaseDuration && options.HeartbeatInterval <= TimeSpan.FromMinutes(1), $"Worker:HeartbeatInterval must be positive, at most half of Worker:LeaseDuration and at most 1 minute (is {options.HeartbeatInterval})");
        Check(problems, options.FollowInterval >= TimeSpan.FromMilliseconds(100), $"Worker:FollowInterval must be at least 0.1 s (is {options.FollowInterval})");
        Check(problems, options.PollInterval >= TimeSpan.FromMilliseconds(50), $"Worker:PollInterval must be at least 0.05 s (is {options.PollInterval})");
        Check(problems, options.ShutdownGrace >= TimeSpan.Zero && options.ShutdownGrace <= TimeSpan.FromMinutes(10), $"Worker:ShutdownGrace must be 0 to 10 minutes (is {options.ShutdownGrace})");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }

    private static bool Overlap(string inbox, string data)
    {
        var a = Path.TrimEndingDirectorySeparator(Path.GetFullPath(inbox)) + Path.DirectorySeparatorChar;
        var b = Path.TrimEndingDirectorySeparator(Path.GetFullPath(data)) + Path.DirectorySeparatorChar;
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }
}
