using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using PlanIngest.Search.Compare;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Web.Api;
using PlanIngest.Worker.Web.Originals;
using PlanIngest.Worker.Web.Pages;
using PlanIngest.Worker.Web.Security;
using PlanIngest.Worker.Web.Status;
using PlanIngest.Worker.Web.Uploads;

namespace PlanIngest.Worker.Web;

/// <summary>
/// The web page and API as two steps on any <see cref="WebApplicationBuilder"/>: <see cref="AddPlanWeb"/>
/// registers what they need (on <c>serve</c>'s own builder, or the worker's when <c>watch --serve</c>
/// hosts the page in its process), <see cref="MapPlanWeb"/> puts the security middleware and the
/// endpoints in order. Logging and the lifetime stay the host's.
/// </summary>
public static class PlanWebApp
{
    /// <summary>Requests other than an upload carry no body worth more than this.</summary>
    private const long MaxOtherBodyBytes = 64 * 1024;

    /// <exception cref="WebSettingsException">The settings must not be served (a non-loopback address without a key, a bad URL).</exception>
    public static WebApplicationBuilder AddPlanWeb(this WebApplicationBuilder builder, WebSettings settings, WebData data)
    {
        if (BindingPolicy.Problem(settings) is { } problem)
        {
            throw new WebSettingsException(problem);
        }

        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxOtherBodyBytes;
            // Query strings are bounded by the request line (8 KB by default), headers by 32 KB.
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });

        var services = builder.Services;
        services.AddRazorComponents();
        // Vietnamese letters are written as letters, not as &#x…; entities (markup characters are still escaped).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        // Anti-forgery tokens live as long as the process: nothing is written to disk, a restart asks for a fresh form.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "planingest-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__planingest_token";
        });
        if (BindingPolicy.AllowedHosts(settings) is { } hosts)
        {
            services.Configure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = [.. hosts];
                o.AllowEmptyHosts = false;
            });
        }

        services.AddSingleton(settings);
        services.AddSingleton(data);
        // The answers of the last 512 distinct searches of the current index generation (a page view and its API call, a popular filter).
        services.AddSingleton(new PlanSearcher(data.Index, cachedResults: 512));
        services.AddSingleton(new IndicatorComparer(data.Index));
        services.AddSingleton(new CitationResolver(data.Catalog));
        services.AddSingleton(new ArchivedOriginals(data.Folder.ArchivePath));
        services.AddSingleton(new DeadlineList(data.Catalog));
        services.AddSingleton(new UploadSettings(new InboxLocator(settings, data.Folder), settings.MaxUploadBytes, settings.MaxUploadFiles));
        services.AddSingleton<IWorkerStatus>(new WorkerStatusReport(data.Folder));
        return builder;
    }

    public static WebApplication MapPlanWeb(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        if (BindingPolicy.AllowedHosts(settings) is not null)
        {
            app.UseHostFiltering();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ApiKeyGate>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
            RequestPath = "/static",
        });

        app.MapGet("/health", async (WebData data, CancellationToken token) =>
            WebJson.Of(new JsonObject { ["status"] = "ok", ["documents"] = await data.Catalog.CountAsync(token), ["indexed"] = data.Index.Count }));
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }
}

/// <summary>The web settings cannot be served; the message says why in one line.</summary>
public sealed class WebSettingsException(string message) : Exception(message);
