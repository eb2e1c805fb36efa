namespace PlanIngest.Extraction;

/// <summary>Why a document could not be processed, as a caller deciding "retry or set aside" needs to know it.</summary>
public enum FailureKind
{
    /// <summary>The file itself is the problem (corrupt, encrypted, unsupported, empty, too large): retrying cannot help.</summary>
    Permanent,

    /// <summary>The file could not be read just now (locked, still being written, an OCR time-out): try again later.</summary>
    Transient,

    /// <summary>The OCR engine or its language data is missing: nothing that needs OCR can succeed until it is installed.</summary>
    EngineUnavailable,
}
