using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PlanIngest.Worker.Web.Status;
using PlanIngest.Worker.Web.Uploads;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>
/// <c>GET /status</c>: the worker's state and the upload form; <c>POST /upload</c>: files from the form
/// into the inbox — anti-forgery token checked first, request and file sizes bounded, each file's content
/// checked by <see cref="InboxDrop"/> — answered with the status page listing what was taken and refused.
/// </summary>
internal static class StatusPageEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IWorkerStatus status, UploadSettings uploads, IAntiforgery antiforgery, CancellationToken token) =>
        await RenderAsync(context, status, uploads, antiforgery, [], StatusCodes.Status200OK, token);

    public static async Task<IResult> UploadAsync(HttpContext context, IWorkerStatus status, UploadSettings uploads, IAntiforgery antiforgery, CancellationToken token)
    {
        if (uploads.Drop is not { } drop)
        {
            return PageResults.Message("Không nhận tệp", "Trang này chưa được nối với thư mục tiếp nhận.", StatusCodes.Status404NotFound);
        }

        if (!context.Request.HasFormContentType)
        {
            return PageResults.Message("Không nhận tệp", "Yêu cầu không phải là biểu mẫu tải tệp.", StatusCodes.Status400BadRequest);
        }

        // The only request that may be large; everything else keeps Kestrel's small limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = uploads.MaxRequestBytes;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = uploads.MaxRequestBytes, ValueCountLimit = 64 }, token);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return PageResults.Message("Không nhận tệp", $"Lần tải lên vượt giới hạn (tối đa {uploads.MaxFiles} tệp, mỗi tệp {drop.MaxBytes / (1024 * 1024)} MB).", StatusCodes.Status413PayloadTooLarge);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return PageResults.Message("Không nhận tệp", "Biểu mẫu đã cũ hoặc không phải từ trang này. Hãy mở lại trang Tiếp nhận và gửi lại.", StatusCodes.Status400BadRequest);
        }

        var files = form.Files.GetFiles("files");
        if (files.Count == 0 || files.Count > uploads.MaxFiles)
        {
            return await RenderAsync(context, status, uploads, antiforgery,
                [new UploadOutcome("(không có tệp)", null, 0, files.Count == 0 ? "chưa chọn tệp nào" : $"mỗi lần chỉ nhận tối đa {uploads.MaxFiles} tệp")], StatusCodes.Status400BadRequest, token);
        }

        var outcomes = new List<UploadOutcome>();
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            outcomes.Add(await drop.DropAsync(file.FileName, content, token));
        }

        return await RenderAsync(context, status, uploads, antiforgery, outcomes, outcomes.Any(o => o.Accepted) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, token);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, IWorkerStatus status, UploadSettings uploads, IAntiforgery antiforgery, IReadOnlyList<UploadOutcome> outcomes, int code, CancellationToken token)
    {
        var form = uploads.Drop is { } drop ? new UploadForm(antiforgery.GetAndStoreTokens(context), drop.MaxBytes, uploads.MaxFiles) : null;
        var view = new StatusView(await status.ReadAsync(token), form, outcomes);
        return PageResults.Render<StatusPage>(new { View = view }, code);
    }
}
