using PlanIngest.Extraction.Reading;
using PlanIngest.Worker.Inbox;

namespace PlanIngest.Worker.Archive;

/// <summary>
/// The originals, content-addressed: <c>archive/ab/abcd….pdf</c> named by SHA-256 and the kind the
/// bytes show. A file enters through <see cref="StageAsync"/> (copied, hashed and flushed to a
/// temporary file) and <see cref="Commit"/> (renamed into place, directory flushed), all before the
/// inbox copy is removed, so that no crash ever leaves a document without a copy on disk.
/// </summary>
public sealed class ContentArchive
{
    private readonly string incoming;

    public ContentArchive(string root)
    {
        Root = Path.GetFullPath(root);
        incoming = Path.Combine(Root, ".incoming");
        Directory.CreateDirectory(incoming);
    }

    public string Root { get; }

    /// <summary>Where content with this digest and kind lives (whether or not it is there).</summary>
    public string PathOf(string sha256, ContentKind kind) =>
        Path.Combine(Root, sha256[..2], sha256 + ExtensionOf(kind));

    /// <summary>The archived file for a digest, whatever its extension; null when it is not archived.</summary>
    public string? Find(string sha256)
    {
        var shard = Path.Combine(Root, sha256[..2]);
        return Directory.Exists(shard) ? Directory.EnumerateFiles(shard, sha256 + "*").FirstOrDefault() : null;
    }

    /// <summary>
    /// Copies an open inbox file into a flushed temporary file. Null when the file changed while it
    /// was read (nothing is kept; the caller reads it again later from the start).
    /// </summary>
    public async Task<StagedOriginal?> StageAsync(InboxFile file, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            CopiedContent? copied;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                copied = await file.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                if (copied is not null)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            if (copied is null)
            {
                DurableFile.DeleteQuietly(temporary);
                return null;
            }

            return new StagedOriginal(temporary, copied.Sha256, copied.Length, ContentSniffer.Sniff(copied.Head));
        }
        catch
        {
            DurableFile.DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>
    /// Puts a staged file in its place; when the same content is already archived the copy is dropped. Returns the archived path.
    /// With <paramref name="syncFolder"/> false the new name is durable only after <see cref="SyncFolders"/> on the returned path.
    /// </summary>
    public string Commit(StagedOriginal staged, bool syncFolder = true)
    {
        var existing = Find(staged.Sha256);
        if (existing is not null)
        {
            DurableFile.DeleteQuietly(staged.TemporaryPath);
            return existing;
        }

        var target = PathOf(staged.Sha256, staged.Kind);
        if (!DurableFile.MoveIntoPlace(staged.TemporaryPath, target, syncFolder))
        {
            DurableFile.DeleteQuietly(staged.TemporaryPath);
        }

        return target;
    }

    /// <summary>
    /// Flushes the folders holding <paramref name="archived"/> paths, each folder once: a batch of files taken
    /// together costs one directory flush per shard instead of one per file (2,000 files fall into at most 256 shards).
    /// </summary>
    public void SyncFolders(IEnumerable<string> archived)
    {
        foreach (var folder in archived.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Inbox.Native.Posix.FsyncDirectory(folder);
        }
    }

    public void Discard(StagedOriginal staged) => DurableFile.DeleteQuietly(staged.TemporaryPath);

    /// <summary>Temporary files left by a crash while a copy was being made; the inbox still has their originals.</summary>
    public int SweepIncoming()
    {
        var swept = 0;
        foreach (var leftover in Directory.EnumerateFiles(incoming, "*.part"))
        {
            DurableFile.DeleteQuietly(leftover);
            swept++;
        }

        return swept;
    }

    public static string ExtensionOf(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => ".pdf",
        ContentKind.Png => ".png",
        ContentKind.Jpeg => ".jpg",
        ContentKind.Tiff => ".tif",
        ContentKind.Docx => ".docx",
        ContentKind.Text => ".txt",
        _ => ".bin",
    };
}

/// <summary>A verified copy of an inbox file, flushed to disk but not yet in the archive.</summary>
public sealed record StagedOriginal(string TemporaryPath, string Sha256, long Length, ContentKind Kind);
