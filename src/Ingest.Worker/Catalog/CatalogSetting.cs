using Microsoft.Extensions.Configuration;

namespace PlanIngest.Worker.Catalog;

/// <summary>
/// Which catalog a verb uses: <c>--catalog CONNSTR</c>, else the <c>Catalog</c> setting of the usual
/// configuration layers (<c>"Catalog"</c> in appsettings.json beside the executable, then
/// <c>PLANINGEST_CATALOG</c> in the environment) — the layers <c>watch</c> reads too. None set means the
/// embedded SQLite file of the data folder, what a new user gets.
/// </summary>
public static class CatalogSetting
{
    public const string Key = "Catalog";

    public static string? Resolve(string? fromOption)
    {
        if (!string.IsNullOrWhiteSpace(fromOption))
        {
            return fromOption;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("PLANINGEST_")
            .Build();
        return From(configuration);
    }

    public static string? From(IConfiguration configuration) => configuration[Key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
