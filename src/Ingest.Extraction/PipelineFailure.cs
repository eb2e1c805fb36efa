namespace PlanIngest.Extraction;

/// <summary>One document's failure: its kind and a one-line reason (without the file name; callers prefix it).</summary>
public sealed record PipelineFailure(FailureKind Kind, string Reason)
{
    public override string ToString() => Reason;
}
