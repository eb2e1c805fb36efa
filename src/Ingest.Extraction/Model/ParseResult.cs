namespace PlanIngest.Extraction.Model;

/// <summary>
/// The answer of a parse that never throws on bad text (as Noda Time's ParseResult): a value, or the
/// reason there is none. Reading <see cref="Value"/> of a failure is a programming error and throws.
/// </summary>
public sealed class ParseResult<T> where T : struct
{
    private readonly T value;

    private ParseResult(T value, string? error)
    {
        this.value = value;
        Error = error;
    }

    public bool Success => Error is null;

    /// <summary>Why the text could not be parsed; null on success.</summary>
    public string? Error { get; }

    public T Value => Success ? value : throw new InvalidOperationException($"parse failed: {Error}");

    public static ParseResult<T> ForValue(T value) => new(value, null);

    public static ParseResult<T> ForError(string error) => new(default, error);

    public bool TryGetValue(out T result)
    {
        result = value;
        return Success;
    }

    /// <summary>The value, or null on failure.</summary>
    public T? ValueOrNull => Success ? value : null;
}
