using PlanIngest.Extraction.Reading;

namespace PlanIngest.Worker.Web.Uploads;

/// <summary>
/// Puts uploaded files into the worker's inbox. Each is written under a hidden temporary name (the
/// worker skips names starting with a dot), flushed, checked — size, and content by its first bytes
/// (<see cref="ContentSniffer"/>), which must be a kind the pipeline reads and agree with any extension
/// the client gave — and only then renamed to its visible name, never over an existing file. So the
/// worker sees a file whole or not at all, and a refused file leaves nothing behind.
/// </summary>
internal sealed class InboxDrop(string inbox, long maxBytes)
{
    private const int HeadBytes = 64 * 1024;

    public string Inbox { get; } = Path.GetFullPath(inbox);

    public long MaxBytes { get; } = maxBytes;

    public async Task<UploadOutcome> DropAsync(string clientName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Inbox);
        var temporary = Path.Combine(Inbox, $".upload-{Guid.NewGuid():N}.part");
        try
        {
            var (length, head) = await CopyAsync(content, temporary, cancellationToken);
            if (Refusal(clientName, length, head) is { } reason)
            {
                File.Delete(temporary);
                return new UploadOutcome(clientName, null, length, reason);
            }

            var kind = ContentSniffer.Sniff(head);
            var stored = MoveIntoPlace(temporary, SafeFileName.Stem(clientName), Archive.ContentArchive.ExtensionOf(kind));
            return new UploadOutcome(clientName, stored, length, null);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private string? Refusal(string clientName, long length, byte[] head)
    {
        if (length == 0)
        {
            return "tệp rỗng (0 byte)";
        }

        if (length > MaxBytes)
        {
            return $"tệp lớn hơn giới hạn {MaxBytes / (1024 * 1024)} MB";
        }

        var kind = ContentSniffer.Sniff(head);
        if (kind == ContentKind.Unknown)
        {
            return "nội dung không phải PDF, ảnh (PNG, JPEG, TIFF), DOCX hay văn bản thuần";
        }

        if (ContentSniffer.KindFromName(clientName) is { } promised && promised != kind)
        {
            return $"tên tệp có đuôi {Path.GetExtension(clientName)} nhưng nội dung là {kind.ToString().ToUpperInvariant()}";
        }

        return null;
    }

    /// <summary>Copies at most one byte past the limit (enough to know it is over), keeping the first bytes for sniffing.</summary>
    private async Task<(long Length, byte[] Head)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var head = new MemoryStream();
        long length = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while (length <= MaxBytes && (read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (head.Length < HeadBytes)
                {
                    head.Write(buffer, 0, (int)Math.Min(read, HeadBytes - head.Length));
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }

            file.Flush(flushToDisk: true);
        }

        return (length, head.ToArray());
    }

    /// <summary>Renames to "stem.ext", or "stem (2).ext" and so on when the name is taken; never replaces a file.</summary>
    private string MoveIntoPlace(string temporary, string stem, string extension)
    {
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? stem + extension : $"{stem} ({n}){extension}";
            try
            {
                File.Move(temporary, Path.Combine(Inbox, name), overwrite: false);
                return name;
            }
            catch (IOException) when (File.Exists(Path.Combine(Inbox, name)) && n < 1000)
            {
                // Taken (by an earlier upload or a file dropped by hand): try the next name.
            }
        }
    }
}
