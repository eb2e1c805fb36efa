namespace PlanIngest.Worker.Web.Api;

/// <summary>A query parameter that cannot be used; the message names it and says why, in one line.</summary>
internal sealed class BadParameterException(string message) : Exception(message);
