namespace PlanIngest.Worker.Catalog.Jobs;

/// <summary>Where one taken file is on its way from the inbox to the index.</summary>
public enum JobState
{
    /// <summary>Archived and waiting for a worker.</summary>
    Queued,

    /// <summary>A worker holds its lease and is reading (OCR), normalising and extracting it.</summary>
    Reading,

    /// <summary>Its record is in the catalog; the index has not confirmed it yet.</summary>
    Extracted,

    /// <summary>Done: in the catalog and in the committed index.</summary>
    Indexed,

    /// <summary>Set aside in the quarantine with its reason.</summary>
    Failed,
}

public static class JobStates
{
    public static string Name(this JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Reading => "reading",
        JobState.Extracted => "extracted",
        JobState.Indexed => "indexed",
        JobState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static JobState Parse(string name) => name switch
    {
        "queued" => JobState.Queued,
        "reading" => JobState.Reading,
        "extracted" => JobState.Extracted,
        "indexed" => JobState.Indexed,
        "failed" => JobState.Failed,
        _ => throw new FormatException($"unknown job state '{name}'"),
    };

    public static IReadOnlyList<JobState> All { get; } = [JobState.Queued, JobState.Reading, JobState.Extracted, JobState.Indexed, JobState.Failed];
}
