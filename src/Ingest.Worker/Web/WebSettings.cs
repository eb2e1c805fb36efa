namespace PlanIngest.Worker.Web;

/// <summary>How the web page and API are served: where they listen, the key they ask for, where uploads go.</summary>
public sealed record WebSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The addresses to listen on (Kestrel URLs, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free one).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Asked of every request when set; required when any address is not loopback.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The worker's inbox, where the upload form drops files; null turns uploads off.</summary>
    public string? Inbox { get; init; }

    /// <summary>Largest file the upload form takes (a 40-page 300-dpi scan is about 30 MB).</summary>
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Files one upload may carry.</summary>
    public int MaxUploadFiles { get; init; } = 20;
}
