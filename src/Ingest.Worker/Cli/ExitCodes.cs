namespace PlanIngest.Worker.Cli;

/// <summary>Exit codes of CONTRACT.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was read but something failed; stderr names the file and why.</summary>
    public const int FileFailed = 1;

    public const int Usage = 2;
}
