using Microsoft.AspNetCore.Http;
using PlanIngest.Search.Facets;

namespace PlanIngest.Worker.Web.Pages;

/// <summary>
/// What the search page shows — text, cited number, filters, first hit — and the links that change one
/// part of it (add or drop a filter, turn a page), so every state is a plain URL that works without script.
/// </summary>
public sealed record SearchState(string Text, string? Cites, IReadOnlyList<(string Name, string Value)> Filters, int Offset)
{
    /// <summary>Hits per page: ten, as search pages show; each hit costs a highlighted snippet, the dearest part of a search.</summary>
    public const int PageSize = 10;

    public bool IsFiltered(string name, string value) =>
        Filters.Any(f => f.Name == name && SameValue(name, f.Value, value));

    public string With(string name, string value) => Link(this with { Filters = [.. Filters, (name, value)], Offset = 0 });

    public string Without(string name, string value) =>
        Link(this with { Filters = Filters.Where(f => !(f.Name == name && SameValue(name, f.Value, value))).ToList(), Offset = 0 });

    public string WithoutCites() => Link(this with { Cites = null, Offset = 0 });

    public string AtOffset(int offset) => Link(this with { Offset = Math.Max(0, offset) });

    public static string Link(SearchState state)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (state.Text.Length > 0)
        {
            pairs.Add(new("q", state.Text));
        }

        if (state.Cites is not null)
        {
            pairs.Add(new("cites", state.Cites));
        }

        pairs.AddRange(state.Filters.Select(f => new KeyValuePair<string, string?>("filter", $"{f.Name}:{f.Value}")));
        if (state.Offset > 0)
        {
            pairs.Add(new("offset", state.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/" + QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>A link to the documents citing <paramref name="number"/>.</summary>
    public static string Citing(string number) => Link(new SearchState(string.Empty, number, [], 0));

    // Spellings of one value are one filter ("UBND tỉnh" and "Ủy ban nhân dân tỉnh").
    private static bool SameValue(string name, string a, string b) =>
        FacetDimension.Find(name) is { } dimension ? dimension.KeyOf(a) == dimension.KeyOf(b) : a == b;
}
