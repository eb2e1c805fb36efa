namespace PlanIngest.Search.Index;

/// <summary>The Lucene field names of an indexed plan. Facet fields are named by <see cref="Facets.FacetDimension"/>.</summary>
internal static class IndexFields
{
    /// <summary>The document id (its SHA-256): the upsert key.</summary>
    public const string Id = "id";

    /// <summary>The id again as sorted doc values: ties in score are ordered by id, so results do not depend on indexing order.</summary>
    public const string IdOrder = "id_order";

    public const string Number = "number";

    /// <summary><see cref="Extraction.Model.DocumentNumber.Key"/> of the document's own number.</summary>
    public const string NumberKey = "number_key";

    public const string Title = "title";

    public const string Issuer = "issuer";

    /// <summary>The issuer's name as folded words, for compare's --issuer.</summary>
    public const string IssuerText = "issuer_text";

    public const string IssuedDate = "issued_date";

    /// <summary>The years a plan covers, comma-separated (stored for compare).</summary>
    public const string Years = "years";

    /// <summary>The one year a plan's targets are for (<see cref="DocumentYears.TargetYear"/>), stored for compare.</summary>
    public const string TargetYear = "target_year";

    /// <summary>The normalised text of all pages: searched, and stored for snippets.</summary>
    public const string Text = "text";

    /// <summary>The indicators as JSON, stored for compare.</summary>
    public const string Indicators = "indicators";

    /// <summary>Indicator subjects (or their text when the subject is unknown), searched by compare.</summary>
    public const string Subjects = "subjects";

    /// <summary>Schema of the fields above, in the index's commit data: an index of another schema is rebuilt.</summary>
    public const string SchemaVersion = "2";
}
