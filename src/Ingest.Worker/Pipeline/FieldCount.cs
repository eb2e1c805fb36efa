using PlanIngest.Extraction.Model;

namespace PlanIngest.Worker.Pipeline;

/// <summary>How many of a record's fields were found (a field the document lacks is null or empty), for the progress line.</summary>
internal static class FieldCount
{
    public static int Of(ExtractedFields f)
    {
        bool[] found =
        [
            !string.IsNullOrEmpty(f.DocType), !string.IsNullOrEmpty(f.Number), f.Issuer is not null, !string.IsNullOrEmpty(f.Place),
            f.IssuedDate is not null, !string.IsNullOrEmpty(f.Title), f.Years.Count > 0, f.LegalBases.Count > 0, f.Citations.Count > 0,
            f.Indicators.Count > 0, f.Deadlines.Count > 0, f.Campaigns.Count > 0, f.Signer is not null, f.Recipients.Count > 0,
        ];
        return found.Count(b => b);
    }
}
