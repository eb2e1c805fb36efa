namespace PlanIngest.Extraction.Reading;

/// <summary>
/// A file that cannot be read, and whether that may pass (<see cref="FailureKind.Transient"/>: locked,
/// still being written, a page that ran out of time) or not (corrupt, encrypted, unsupported). The
/// message is the reason alone; callers prefix the file name.
/// </summary>
public sealed class DocumentReadException(string reason, Exception? inner = null, FailureKind kind = FailureKind.Permanent) : Exception(reason, inner)
{
    public DocumentReadException(string reason, FailureKind kind) : this(reason, null, kind)
    {
    }

    public FailureKind Kind { get; } = kind;
}
