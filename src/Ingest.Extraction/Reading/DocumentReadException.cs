namespace PlanIngest.Extraction.Reading;

/// <summary>
/// A file that cannot be read, for a reason that will not go away on retry (corrupt, encrypted,
/// unsupported). The message is the reason alone; callers prefix the file name.
/// </summary>
public sealed class DocumentReadException(string reason, Exception? inner = null) : Exception(reason, inner);
