namespace PlanIngest.Worker.Web.Originals;

/// <summary>A document id as the web takes it: exactly the 64 lower-case hex digits of a SHA-256, nothing a path could hide in.</summary>
internal static class DocumentId
{
    public const int Length = 64;

    public static bool IsValid(string? id) => id is { Length: Length } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
