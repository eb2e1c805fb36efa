using System.Security.Cryptography;
using Polly;
using Polly.Retry;

namespace PlanIngest.Extraction.Reading;

/// <summary>
/// A file's bytes, read once, with their digest and their sniffed kind: the opened source the pipeline
/// takes (a PDF in the worker's archive stays on disk instead, read as needed). Load it from a path, or from a stream the caller opened (the worker opens inbox files itself,
/// so that it alone decides what may be followed), or from bytes already in memory (a web upload).
/// </summary>
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

    private byte[]? bytes;

    private SourceFile(string path, byte[] bytes)
    {
        Path = path;
        this.bytes = bytes;
        Length = bytes.Length;
        Kind = ContentSniffer.Sniff(bytes);
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private SourceFile(string path, string onDisk, long length, ContentKind kind, string sha256)
    {
        Path = path;
        FilePath = onDisk;
        Length = length;
        Kind = kind;
        Sha256 = sha256;
    }

    public string Path { get; }

    /// <summary>The content; a source read from disk as needed loads it on first use.</summary>
    public byte[] Bytes => bytes ?? LazyInitializer.EnsureInitialized(ref bytes, () => File.ReadAllBytes(FilePath!));

    public long Length { get; }

    /// <summary>
    /// The file the content stays in when it is read from disk as needed (<see cref="FromStableFileAsync"/>);
    /// null when the content is held in memory.
    /// </summary>
    public string? FilePath { get; }

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

        CheckLength(info.Length);
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        byte[] bytes;
        try
        {
            bytes = await TransientRead.ExecuteAsync(
                async token => await File.ReadAllBytesAsync(path, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new DocumentReadException("no such file");
        }
        catch (IOException e)
        {
            // Still failing after the retries: locked or held open for now, worth another try later.
            throw new DocumentReadException($"cannot be read: {e.Message}", e, FailureKind.Transient);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DocumentReadException($"cannot be read: {e.Message}", e);
        }

        // A scanner or a copy still writing the file: what was read is not the document.
        info.Refresh();
        if (!info.Exists || info.Length != length || info.LastWriteTimeUtc != written || bytes.Length != length)
        {
            throw new DocumentReadException("changed while being read (still being written?)", FailureKind.Transient);
        }

        return FromBytes(path, bytes);
    }

    /// <summary>Reads an opened stream to its end; <paramref name="name"/> is what errors and the record call it.</summary>
    public static async Task<SourceFile> LoadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            CheckLength(stream.Length - stream.Position);
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
                CheckLength(copy.Length);
            }
        }
        catch (IOException e)
        {
            throw new DocumentReadException($"cannot be read: {e.Message}", e, FailureKind.Transient);
        }

        return FromBytes(name, copy.ToArray());
    }

    /// <summary>
    /// A file that nothing changes while it is read (the worker's content-addressed archive copy). A PDF
    /// stays on disk and is read page by page as needed (<see cref="OpenRead"/>), so that a scan of a
    /// thousand pages is not held in memory whole; anything else is loaded, as <see cref="FromBytes"/> does.
    /// </summary>
    public static async Task<SourceFile> FromStableFileAsync(string name, string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        CheckLength(stream.Length);
        var head = new byte[8];
        var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (ContentSniffer.Sniff(head.AsSpan(0, headLength)) != ContentKind.Pdf)
        {
            return FromBytes(name, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }

        stream.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        return new SourceFile(name, path, stream.Length, ContentKind.Pdf, sha256);
    }

    /// <summary>The content as a seekable stream: the file itself for a source on disk.</summary>
    public Stream OpenRead() => FilePath is { } onDisk
        ? new FileStream(onDisk, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess)
        : new MemoryStream(bytes!, writable: false);

    /// <summary>A source over bytes already in memory.</summary>
    public static SourceFile FromBytes(string name, byte[] bytes)
    {
        CheckLength(bytes.Length);
        return new SourceFile(name, bytes);
    }

    private static void CheckLength(long length)
    {
        if (length == 0)
        {
            throw new DocumentReadException("empty file (0 bytes)");
        }

        if (length > MaxBytes)
        {
            throw new DocumentReadException($"file too large ({length / (1024 * 1024)} MiB; limit {MaxBytes / (1024 * 1024)} MiB)");
        }
    }
}
