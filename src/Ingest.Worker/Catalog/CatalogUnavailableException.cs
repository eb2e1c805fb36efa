namespace PlanIngest.Worker.Catalog;

/// <summary>The catalog named by the settings cannot be used (server unreachable, login refused, schema too new); the message says which and why.</summary>
public sealed class CatalogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
