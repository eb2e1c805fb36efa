using Microsoft.AspNetCore.Http;

namespace PlanIngest.Worker.Web.Security;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that runs only the server's own script files (no
/// inline script, no inline style, nothing from elsewhere), so text from a document can never run even
/// if some value escaped escaping; no sniffing of content types; no framing; no referrer to elsewhere.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
