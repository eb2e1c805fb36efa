using System.Security.Cryptography;
using Polly;
using Polly.Retry;

namespace PlanIngest.Extraction.Reading;

/// <summary>A file's bytes, read once, with their digest and their sniffed kind.</summary>
public sealed class SourceFile
{
    /// <summary>Larger inputs are refused rather than read into memory.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    // A file still being copied in or held open by a scanner shows up as an IOException that clears within seconds.
    private static readonly ResiliencePipeline TransientRead = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(e => e is not FileNotFoundException and not DirectoryNotFoundException),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    private SourceFile(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        Kind = ContentSniffer.Sniff(bytes);
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    public ContentKind Kind { get; }

    public string Sha256 { get; }

    public string MediaType => ContentSniffer.MediaType(Kind);

    /// <summary>Reads the file; every reason it cannot be read becomes a <see cref="DocumentReadException"/>.</summary>
    public static async Task<SourceFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new DocumentReadException("is a directory, not a file");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new DocumentReadException("no such file");
        }

        if (info.Length == 0)
        {
            throw new DocumentReadException("empty file (0 bytes)");
        }

        if (info.Length > MaxBytes)
        {
            throw new DocumentReadException($"file too large ({info.Length / (1024 * 1024)} MiB; limit {MaxBytes / (1024 * 1024)} MiB)");
        }

        byte[] bytes;
        try
        {
            bytes = await TransientRead.ExecuteAsync(
                async token => await File.ReadAllBytesAsync(path, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException($"cannot be read: {e.Message}", e);
        }

        return bytes.Length == 0 ? throw new DocumentReadException("empty file (0 bytes)") : new SourceFile(path, bytes);
    }
}
