namespace PlanIngest.Worker.Web.Uploads;

/// <summary>Where the upload form drops files (null: uploads are off) and how much one request may carry.</summary>
internal sealed record UploadSettings(InboxDrop? Drop, int MaxFiles)
{
    /// <summary>The whole multipart body: every file at its largest, plus the form's few fields.</summary>
    public long MaxRequestBytes => Drop is null ? 0 : Drop.MaxBytes * MaxFiles + 64 * 1024;
}
