using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>
/// The strings CONTRACT.md gives an enum's values ("tỉnh", "&gt;=", "due"), read from each member's
/// <see cref="JsonStringEnumMemberNameAttribute"/> so that JSON, the index and exports share one spelling.
/// </summary>
public static class ContractNames
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<object, string> Names, Dictionary<string, object> Values)> Tables = new();

    /// <summary>The contract string of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Table(typeof(T)).Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>The value whose contract string is <paramref name="text"/> (exact, after trimming); false for anything else.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Table(typeof(T)).Values.TryGetValue(text.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value named by <paramref name="text"/>, or null when it names none.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum => TryParse<T>(text, out var value) ? value : null;

    /// <summary>Every contract string of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();

    private static (Dictionary<object, string> Names, Dictionary<string, object> Values) Table(Type type) => Tables.GetOrAdd(type, t =>
    {
        var names = new Dictionary<object, string>();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            names[value] = name;
            values[name] = value;
        }

        return (names, values);
    });
}
