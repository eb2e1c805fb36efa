namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>One page could not be recognised (timeout, image operation failed).</summary>
/// <param name="TimedOut">The page ran past its time limit: a busy machine may manage it on another try.</param>
public sealed class OcrPageException(string message, bool timedOut = false) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;
}
