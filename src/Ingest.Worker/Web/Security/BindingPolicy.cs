using System.Net;
using Microsoft.AspNetCore.Http;

namespace PlanIngest.Worker.Web.Security;

/// <summary>
/// Which addresses may be served without a key: loopback ones (127.0.0.0/8, ::1, <c>localhost</c>) and
/// Unix sockets, which only this machine reaches. Any other address — a LAN address, <c>0.0.0.0</c>,
/// <c>*</c> — serves the catalog to the network, so the server refuses to start there without an API key.
/// </summary>
public static class BindingPolicy
{
    /// <summary>Shortest key accepted: anything shorter can be guessed over the network.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Null when the settings can be served; otherwise why not, in one line.</summary>
    public static string? Problem(WebSettings settings)
    {
        if (settings.Urls.Count == 0)
        {
            return "no address to listen on";
        }

        foreach (var url in settings.Urls)
        {
            if (Parse(url) is not { } address)
            {
                return $"'{url}' is not an address to listen on (e.g. {WebSettings.DefaultUrl})";
            }

            if (!address.IsUnixPipe && address.Scheme != "http")
            {
                return $"'{url}': only http is served; put a TLS proxy in front for https";
            }
        }

        if (settings.ApiKey is { } key && key.Trim().Length < MinimumKeyLength)
        {
            return $"the API key must be at least {MinimumKeyLength} characters";
        }

        if (settings.ApiKey is null && settings.Urls.FirstOrDefault(u => !IsLoopback(u)) is { } open)
        {
            return $"'{open}' is reachable from other machines: set PLANINGEST_API_KEY (or --api-key-file FILE) to a key of {MinimumKeyLength}+ characters, or listen on 127.0.0.1";
        }

        return null;
    }

    /// <summary>Whether only this machine can reach the address.</summary>
    public static bool IsLoopback(string url)
    {
        if (Parse(url) is not { } address)
        {
            return false;
        }

        if (address.IsUnixPipe || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The host names a loopback server answers to; null (any) when it listens elsewhere too.</summary>
    /// <remarks>
    /// A web page elsewhere can make a browser ask 127.0.0.1 under a name it controls (DNS rebinding) and
    /// read the answer; answering only to the loopback names closes that door.
    /// </remarks>
    public static IReadOnlyList<string>? AllowedHosts(WebSettings settings)
    {
        if (!settings.Urls.All(IsLoopback))
        {
            return null;
        }

        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        hosts.AddRange(settings.Urls.Select(Parse).Where(a => a is { IsUnixPipe: false }).Select(a => a!.Host));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static BindingAddress? Parse(string url)
    {
        try
        {
            return BindingAddress.Parse(url.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
