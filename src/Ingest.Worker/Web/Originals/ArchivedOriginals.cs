using System.Security.Cryptography;

namespace PlanIngest.Worker.Web.Originals;

/// <summary>
/// Finds a document's original in the archive (<c>archive/ab/abcd….ext</c>, named by its SHA-256) by
/// document id alone — no part of a request ever becomes a path. What is found is served only when it
/// is a regular file (not a link, which could point anywhere) whose bytes hash to the id, so that
/// nothing but the catalogued content can leave the archive, whatever was put into the folder.
/// </summary>
internal sealed class ArchivedOriginals(string archiveRoot)
{
    private readonly string root = Path.GetFullPath(archiveRoot);

    /// <summary>The archived file of <paramref name="id"/>, its bytes checked; null when there is none that can be trusted.</summary>
    public async Task<FileInfo?> FindAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var file in Candidates(id))
        {
            if (await HashesToAsync(file, id, cancellationToken))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Whether there is a file to offer (for a link on a page; the download still checks the bytes).</summary>
    public bool Exists(string id) => Candidates(id).Any();

    private IEnumerable<FileInfo> Candidates(string id)
    {
        if (!DocumentId.IsValid(id))
        {
            return [];
        }

        var shard = new DirectoryInfo(Path.Combine(root, id[..2]));
        if (!shard.Exists || shard.LinkTarget is not null)
        {
            return [];
        }

        // A FIFO or device node shows length 0 (and opening a FIFO would wait for a writer): never content.
        return shard.EnumerateFiles(id + "*").Where(f => f.LinkTarget is null && f.Length > 0 && IsArchiveName(f.Name, id));
    }

    // "<id>" or "<id>.<ext>": a longer name sharing the prefix is something else.
    private static bool IsArchiveName(string name, string id) =>
        name.Length == id.Length || (name[id.Length] == '.' && name.IndexOf('.', id.Length + 1) < 0);

    private static async Task<bool> HashesToAsync(FileInfo file, string id, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = file.OpenRead();
            var digest = await SHA256.HashDataAsync(stream, cancellationToken);
            return Convert.ToHexStringLower(digest) == id;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
