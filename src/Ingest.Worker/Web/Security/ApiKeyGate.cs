using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PlanIngest.Worker.Web.Api;

namespace PlanIngest.Worker.Web.Security;

/// <summary>
/// Lets a request through only with the API key, when one is set: as <c>X-Api-Key: KEY</c>,
/// <c>Authorization: Bearer KEY</c>, or HTTP basic authentication with the key as password (any user
/// name), which is what a browser can send without any script. <c>/health</c> stays open for probes.
/// </summary>
internal sealed class ApiKeyGate(RequestDelegate next, WebSettings settings)
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? keyHash = HashOf(settings.ApiKey);

    public Task InvokeAsync(HttpContext context)
    {
        if (keyHash is null || context.Request.Path.Equals("/health", StringComparison.Ordinal) || Presented(context.Request) is { } presented && Matches(presented))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"PlanIngest\", charset=\"UTF-8\"";
        return ApiErrors.Write(context, StatusCodes.Status401Unauthorized, $"this server asks for its API key: send it as {HeaderName}, as a bearer token, or as the password of basic authentication");
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ } header])
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..];
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':');
                return colon < 0 ? null : pair[(colon + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private static byte[]? HashOf(string? key) => key is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));

    // Comparing digests of equal length in constant time tells an attacker nothing by timing.
    private bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim())), keyHash);
}
