namespace PlanIngest.Search.Index;

/// <summary>
/// What an index commit says it holds: which catalog it was fed from and the last change sequence of
/// that catalog it applied. Kept in the commit's user data, so it is exactly as durable as the documents.
/// </summary>
/// <param name="CatalogId">The catalog's own id; null for an empty, never-fed index.</param>
/// <param name="Sequence">Every catalog change up to and including this one is in the index.</param>
/// <param name="Schema">The field layout (<see cref="IndexFields.SchemaVersion"/>) the documents were written in.</param>
public sealed record IndexState(string? CatalogId, long Sequence, string Schema)
{
    public static IndexState Empty { get; } = new(null, 0, IndexFields.SchemaVersion);

    /// <summary>Whether changes after <see cref="Sequence"/> of <paramref name="catalogId"/> can be applied on top, or a rebuild is needed.</summary>
    public bool CanContinue(string catalogId) => Schema == IndexFields.SchemaVersion && (CatalogId is null ? Sequence == 0 : CatalogId == catalogId);
}
