namespace PlanIngest.Search.Query;

/// <summary>A query that cannot be run (unbalanced quotes, a lone wildcard, an unknown facet); the message is one line for the user.</summary>
public sealed class BadQueryException(string message) : Exception(message);
