using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using PlanIngest.Worker.Inbox.Native;

namespace PlanIngest.Worker.Inbox;

/// <summary>
/// One regular inbox file opened for reading, with its identity when opened. <see cref="CopyToAsync"/>
/// copies and hashes it, then checks that neither the open file nor the name changed meanwhile.
/// </summary>
public sealed class InboxFile : IDisposable
{
    private const int ChunkBytes = 1 << 20;

    private readonly InboxDirectory directory;
    private readonly SafeFileHandle handle;

    internal InboxFile(InboxDirectory directory, string name, SafeFileHandle handle, FileIdentity identity)
    {
        this.directory = directory;
        this.handle = handle;
        Name = name;
        Identity = identity;
    }

    public string Name { get; }

    public FileIdentity Identity { get; }

    /// <summary>
    /// Copies the whole file into <paramref name="destination"/> and returns its SHA-256 and its
    /// first bytes (to tell its kind), or null when the file was renamed, replaced, truncated or
    /// rewritten while it was read, in which case what was copied must be thrown away.
    /// </summary>
    public async Task<CopiedContent?> CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Sized to the file (plus one byte, so the read that finds its end needs no second buffer): a 1 MB
        // buffer per small text file was a large-object allocation, and a collection of them, every time.
        var buffer = new byte[(int)Math.Clamp(Identity.Size + 1, 4096, ChunkBytes)];
        byte[]? head = null;
        long offset = 0;
        while (true)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer, offset, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            head ??= buffer[..Math.Min(read, 64 * 1024)];
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            offset += read;
        }

        var after = Posix.Stat(handle);
        var name = directory.Look(Name);
        var intact = offset == Identity.Size
            && InboxDirectory.Unchanged(after, Identity)
            && name is { } entry && InboxDirectory.Unchanged(entry, Identity);
        return intact ? new CopiedContent(Convert.ToHexStringLower(hash.GetHashAndReset()), offset, head ?? []) : null;
    }

    public void Dispose() => handle.Dispose();
}

/// <summary>What a verified copy held: its digest, its length and its first bytes.</summary>
public sealed record CopiedContent(string Sha256, long Length, byte[] Head);
