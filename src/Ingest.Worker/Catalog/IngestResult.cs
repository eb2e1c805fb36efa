using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Catalog;

/// <summary>What became of one file: a new document, content already catalogued (now an alias), or a failure with its kind.</summary>
public sealed record IngestResult
{
    private IngestResult(IngestOutcome outcome, string? id, DocumentRecord? record, PipelineFailure? failure)
    {
        Outcome = outcome;
        Id = id;
        Record = record;
        Failure = failure;
    }

    public IngestOutcome Outcome { get; }

    /// <summary>The document's id (SHA-256); null when the file could not be read at all.</summary>
    public string? Id { get; }

    /// <summary>The new record; null for a duplicate or a failure.</summary>
    public DocumentRecord? Record { get; }

    public PipelineFailure? Failure { get; }

    public static IngestResult Added(string id, DocumentRecord record) => new(IngestOutcome.Added, id, record, null);

    public static IngestResult Duplicate(string id) => new(IngestOutcome.Duplicate, id, null, null);

    public static IngestResult Failed(PipelineFailure failure, string? id = null) => new(IngestOutcome.Failed, id, null, failure);
}

public enum IngestOutcome
{
    /// <summary>New content: read, extracted, catalogued and indexed.</summary>
    Added,

    /// <summary>The same content is catalogued already; this name was recorded as an alias and nothing was read again.</summary>
    Duplicate,

    /// <summary>Not catalogued; <see cref="IngestResult.Failure"/> says why and whether a retry can help.</summary>
    Failed,
}
