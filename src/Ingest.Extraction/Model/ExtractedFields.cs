namespace PlanIngest.Extraction.Model;

/// <summary>
/// The structured fields of CONTRACT.md §1. A field the document does not contain is null
/// (values) or empty (lists); never a guess.
/// </summary>
public sealed record ExtractedFields
{
    public static ExtractedFields Empty { get; } = new();

    public string? DocType { get; init; }
    public string? Number { get; init; }
    public IssuerInfo? Issuer { get; init; }

    /// <summary>The other bodies of a joint document (CONTRACT.md §1a); empty for a document of one body.</summary>
    public IReadOnlyList<IssuerInfo> CoIssuers { get; init; } = [];

    public string? Place { get; init; }
    public PartialDate? IssuedDate { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<int> Years { get; init; } = [];
    public IReadOnlyList<DocumentReference> LegalBases { get; init; } = [];
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    public IReadOnlyList<string> Campaigns { get; init; } = [];
    public SignerInfo? Signer { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
