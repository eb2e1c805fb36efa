namespace PlanIngest.Extraction;

/// <summary>
/// What the pipeline hands back for one document: the value, or a <see cref="PipelineFailure"/> saying
/// why not. Bad input is an answer, not an exception, so that the worker decides retry or quarantine once.
/// </summary>
public sealed class PipelineResult<T> where T : class
{
    private PipelineResult(T? value, PipelineFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The result; null exactly when <see cref="Failure"/> is set.</summary>
    public T? Value { get; }

    public PipelineFailure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static PipelineResult<T> Success(T value) => new(value, null);

    public static PipelineResult<T> Failed(FailureKind kind, string reason) => new(null, new PipelineFailure(kind, reason));

    public static PipelineResult<T> Failed(PipelineFailure failure) => new(null, failure);
}
