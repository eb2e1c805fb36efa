using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Cli;
using PlanIngest.Worker.Web.Originals;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// <c>GET /api/documents/{id}</c> — the record of CONTRACT.md §1 with <c>cited_by</c> and each citation's
/// catalogued id, as <c>show --json</c> prints it (<c>?pages=false</c> leaves the page texts out);
/// <c>GET /api/documents/{id}/original</c> — the archived original, found by the id alone.
/// </summary>
internal static class DocumentApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents/{id}", async (string id, HttpRequest request, WebData data, CitationResolver citations, CancellationToken token) =>
        {
            var reader = new QueryReader(request.Query, "pages");
            var pages = reader.Text("pages", 5) switch
            {
                null or "true" or "1" => true,
                "false" or "0" => false,
                var other => throw new BadParameterException($"'pages' must be true or false, not '{other}'"),
            };
            if (await FindAsync(id, data, token) is not { } document)
            {
                return NotFound(id);
            }

            var citedBy = await citations.CitedByAsync(document, token);
            var cites = await citations.CitesAsync(document, token);
            var aliases = await data.Catalog.AliasesAsync(document.Id, token);
            return WebJson.Of(ShowCommand.ToJson(document, aliases, cites, citedBy, pages));
        });

        api.MapGet("/documents/{id}/original", async (string id, WebData data, ArchivedOriginals originals, CancellationToken token) =>
        {
            if (await FindAsync(id, data, token) is not { } document)
            {
                return NotFound(id);
            }

            if (await originals.FindAsync(document.Id, token) is not { } file)
            {
                return ApiErrors.NotFound($"document {id} has no original in the archive (only files taken in by the worker are archived)");
            }

            var source = document.Record.Source;
            return Results.File(file.OpenRead(), MediaType(source.MediaType), enableRangeProcessing: true, fileDownloadName: null)
                .WithDisposition(DownloadName(source.Path, file.Extension), Inline(source.MediaType));
        });
    }

    /// <summary>The catalogued document of a well-formed id; a malformed id is a bad parameter, not an unknown document.</summary>
    public static async Task<CatalogDocument?> FindAsync(string id, WebData data, CancellationToken token)
    {
        if (!DocumentId.IsValid(id))
        {
            throw new BadParameterException($"'{Shorten(id)}' is not a document id (the 64 hexadecimal digits of its SHA-256)");
        }

        return await data.Catalog.GetAsync(id, token);
    }

    private static IResult NotFound(string id) => ApiErrors.NotFound($"no catalogued document has the id {id}");

    // Shown in a message only: a hostile id must not make the answer large.
    private static string Shorten(string id) => id.Length > 80 ? id[..80] + "…" : id;

    private static string MediaType(string mediaType) => mediaType == MediaTypeNames.Text.Plain ? "text/plain; charset=utf-8" : mediaType;

    // What a browser shows itself is shown; a TIFF or DOCX is downloaded to be opened by a program.
    private static bool Inline(string mediaType) => mediaType is "application/pdf" or "image/png" or "image/jpeg" or "text/plain";

    /// <summary>The name the file was given, as data: its last segment, only letters and safe marks.</summary>
    private static string DownloadName(string path, string extension)
    {
        var stem = Uploads.SafeFileName.Stem(path);
        return stem + extension;
    }

    private static IResult WithDisposition(this IResult result, string name, bool inline) => new DispositionResult(result, name, inline);

    /// <summary>Adds Content-Disposition (RFC 6266, with the UTF-8 name in <c>filename*</c>) and a sandboxing policy to a file answer.</summary>
    private sealed class DispositionResult(IResult inner, string name, bool inline) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(name);
            httpContext.Response.Headers.ContentDisposition = disposition.ToString();
            // An original is a document, not part of the app: nothing in it may run or reach the app.
            httpContext.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
