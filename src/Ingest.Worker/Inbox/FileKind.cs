namespace PlanIngest.Worker.Inbox;

/// <summary>What a directory entry is, read from its mode bits without following it.</summary>
public enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}
