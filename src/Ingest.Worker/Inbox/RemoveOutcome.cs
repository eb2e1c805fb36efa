namespace PlanIngest.Worker.Inbox;

public enum RemoveOutcome
{
    Removed,

    /// <summary>Someone else removed or renamed it first; nothing was deleted.</summary>
    AlreadyGone,

    /// <summary>Another file took the name in the meantime; it was left in the inbox.</summary>
    ReplacedMeanwhile,
}
