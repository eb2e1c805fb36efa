namespace PlanIngest.Worker.Web.Uploads;

/// <summary>What became of one uploaded file: put into the inbox as <paramref name="StoredAs"/>, or refused for <paramref name="Reason"/>.</summary>
public sealed record UploadOutcome(string ClientName, string? StoredAs, long Bytes, string? Reason)
{
    public bool Accepted => StoredAs is not null;
}
