namespace PlanIngest.Worker.Inbox;

/// <summary>
/// What identifies one version of one file: the inode on its device, its size and its change
/// times. Two equal identities taken before and after a read mean nobody replaced, truncated or
/// rewrote the file in between.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind, long Size, long ModifiedNanoseconds, long ChangedNanoseconds, uint LinkCount)
{
    public DateTimeOffset Modified => DateTimeOffset.UnixEpoch.AddTicks(ModifiedNanoseconds / 100);

    /// <summary>Same inode on the same device, whatever happened to its content.</summary>
    public bool IsSameFile(FileIdentity other) => Device == other.Device && Inode == other.Inode;
}
