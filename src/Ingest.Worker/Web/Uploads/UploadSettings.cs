namespace PlanIngest.Worker.Web.Uploads;

/// <summary>Where the upload form drops files (none known: uploads are off) and how much one request may carry.</summary>
internal sealed record UploadSettings(InboxLocator Locator, long MaxBytes, int MaxFiles)
{
    /// <summary>The drop into the inbox known now; null when there is none.</summary>
    public InboxDrop? Drop => Locator.Drop;

    /// <summary>The whole multipart body: every file at its largest, plus the form's few fields.</summary>
    public long MaxRequestBytes => MaxBytes * MaxFiles + 64 * 1024;
}
