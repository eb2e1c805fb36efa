using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PlanIngest.Worker.Web.Api;

/// <summary>
/// Reads a request's query parameters strictly, so a typo is an error rather than a silently ignored
/// parameter: unknown names, a single-valued parameter given twice, and numbers out of range are each a
/// <see cref="BadParameterException"/> naming the parameter.
/// </summary>
internal sealed class QueryReader
{
    private readonly IQueryCollection query;

    public QueryReader(IQueryCollection query, params string[] known)
    {
        this.query = query;
        var unknown = query.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new BadParameterException($"unknown parameter '{unknown[0]}' (known: {string.Join(", ", known)})");
        }
    }

    /// <summary>For pages: parameters it does not know are ignored (a link from elsewhere may add its own).</summary>
    public static QueryReader Lenient(IQueryCollection query) => new(query, [.. query.Keys]);

    /// <summary>The parameter's one value; null when absent.</summary>
    public string? Text(string name, int maxLength = 1000)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw new BadParameterException($"'{name}' is given {values.Count} times; give it once");
        }

        var value = values.Count == 1 ? values[0] : null;
        if (value is not null && value.Length > maxLength)
        {
            throw new BadParameterException($"'{name}' is {value.Length} characters long; the limit is {maxLength}");
        }

        return value;
    }

    /// <summary>Every value of a repeatable parameter, at most <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<string> All(string name, int maxCount, int maxLength = 300)
    {
        var values = query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        if (values.Count > maxCount)
        {
            throw new BadParameterException($"'{name}' is given {values.Count} times; the limit is {maxCount}");
        }

        if (values.FirstOrDefault(v => v.Length > maxLength) is { } longest)
        {
            throw new BadParameterException($"a '{name}' value is {longest.Length} characters long; the limit is {maxLength}");
        }

        return values;
    }

    /// <summary>A whole number within bounds; <paramref name="fallback"/> when absent or empty.</summary>
    public int? Integer(string name, int min, int max, int? fallback = null)
    {
        var text = Text(name, 20);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadParameterException($"'{name}' must be a whole number, not '{text}'");
        }

        if (value < min || value > max)
        {
            throw new BadParameterException($"'{name}' must be between {min} and {max}, not {value}");
        }

        return value;
    }
}
