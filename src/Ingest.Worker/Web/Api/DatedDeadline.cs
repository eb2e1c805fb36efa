using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Web.Api;

/// <summary>One dated deadline of one catalogued document, with what a calendar entry needs to say where it comes from.</summary>
internal sealed record DatedDeadline(
    string DocumentId,
    int Ordinal,
    Deadline Deadline,
    DeadlinePeriod Period,
    string? Number,
    string? DocType,
    string? Title,
    string? Issuer,
    string? IssuerKey,
    DateTimeOffset UpdatedAt);
