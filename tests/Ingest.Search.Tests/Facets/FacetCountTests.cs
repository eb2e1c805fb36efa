using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Text;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Facets;

/// <summary>Facet counts from the index against counts made here from the extracted records, under a query and filters.</summary>
[Collection(FixtureIndexCollection.Name)]
public sealed class FacetCountTests(FixtureIndex fixture)
{
    private readonly PlanSearcher searcher = new(fixture.Index);

    [Theory]
    [InlineData("văn hóa", "level", "huyện")]
    [InlineData("văn hóa", "level", "xã")]
    [InlineData("nông thôn", "year", "2022")]
    [InlineData("", "province", "Phú Thọ")]
    [InlineData("thi đua", "level", "tỉnh")]
    public void Counts_respect_the_query_and_the_filter(string query, string filter, string value)
    {
        var matching = fixture.Records.Where(r => ContainsAllWords(r.Value, query) && Holds(r.Value.Fields, filter, value)).ToList();
        string[] facets = ["doc_type", "issuer", "province", "level", "year", "cites", "campaign"];

        var response = searcher.Search(new SearchRequest { Text = query, Filters = [(filter, value)], Facets = facets, Limit = 100, FacetLimit = 1000 });

        Assert.NotEmpty(matching);
        Assert.Equal(matching.Select(m => m.Key).Order(), response.Hits.Select(h => h.Id).Order());
        Assert.Equal(Count(matching, f => f.DocType is null ? [] : [TextFolding.Fold(f.DocType)]), ByKey(response, "doc_type", v => TextFolding.Fold(v)));
        Assert.Equal(Count(matching, f => f.Issuer?.Name is { } n ? [TextFolding.Fold(n)] : []), ByKey(response, "issuer", v => TextFolding.Fold(v)));
        Assert.Equal(Count(matching, f => f.Issuer?.Province is { } p ? [TextFolding.Fold(p)] : []), ByKey(response, "province", v => TextFolding.Fold(v)));
        Assert.Equal(Count(matching, f => f.Issuer?.Level is { } l ? [ContractNames.Of(l)] : []), ByKey(response, "level", v => v));
        Assert.Equal(Count(matching, f => (f.Years.Count > 0 ? f.Years : f.IssuedDate is { } d ? [d.Year] : []).Select(y => y.ToString())), ByKey(response, "year", v => v));
        Assert.Equal(Count(matching, f => f.Citations.Select(c => DocumentNumber.KeyFor(c.Number)).OfType<string>()), ByKey(response, "cites", v => DocumentNumber.KeyFor(v)!));
        Assert.Equal(Count(matching, f => f.Campaigns.Select(c => string.Join(' ', TextFolding.Fold(c).Split(Separators, StringSplitOptions.RemoveEmptyEntries)))),
            ByKey(response, "campaign", v => string.Join(' ', TextFolding.Fold(v).Split(Separators, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void Counts_over_everything_match_counts_made_from_the_records()
    {
        // A query that matches everything takes the counts the searcher made when it opened, not a pass over the matches.
        var all = fixture.Records.ToList();

        var response = searcher.Search(new SearchRequest { Facets = ["doc_type", "issuer", "level", "year", "cites", "campaign"], Limit = 0, FacetLimit = 1000 });

        Assert.Equal(all.Count, response.Total);
        Assert.Equal(Count(all, f => f.DocType is null ? [] : [TextFolding.Fold(f.DocType)]), ByKey(response, "doc_type", v => TextFolding.Fold(v)));
        Assert.Equal(Count(all, f => f.Issuer?.Name is { } n ? [TextFolding.Fold(n)] : []), ByKey(response, "issuer", v => TextFolding.Fold(v)));
        Assert.Equal(Count(all, f => f.Issuer?.Level is { } l ? [ContractNames.Of(l)] : []), ByKey(response, "level", v => v));
        Assert.Equal(Count(all, f => (f.Years.Count > 0 ? f.Years : f.IssuedDate is { } d ? [d.Year] : []).Select(y => y.ToString())), ByKey(response, "year", v => v));
        Assert.Equal(Count(all, f => f.Citations.Select(c => DocumentNumber.KeyFor(c.Number)).OfType<string>()), ByKey(response, "cites", v => DocumentNumber.KeyFor(v)!));
        Assert.Equal(Count(all, f => f.Campaigns.Select(c => string.Join(' ', TextFolding.Fold(c).Split(Separators, StringSplitOptions.RemoveEmptyEntries)))),
            ByKey(response, "campaign", v => string.Join(' ', TextFolding.Fold(v).Split(Separators, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void Two_filters_narrow_together()
    {
        var both = searcher.Search(new SearchRequest { Filters = [("level", "xã"), ("year", "2022")], Facets = ["issuer"], Limit = 100 });

        var expected = fixture.Records.Where(r => r.Value.Fields.Issuer?.Level == IssuerLevel.Commune && Holds(r.Value.Fields, "year", "2022")).Select(r => r.Key);
        Assert.Equal(expected.Order(), both.Hits.Select(h => h.Id).Order());
        Assert.Equal([("Ủy ban nhân dân xã Minh Đài", 1)], both.Facets["issuer"].Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void Spellings_of_one_cited_number_count_as_one_value()
    {
        var cites = searcher.Search(new SearchRequest { Facets = ["cites"], FacetLimit = 1000, Limit = 0 }).Facets["cites"];

        var thirteen = Assert.Single(cites, v => DocumentNumber.KeyFor(v.Value) == "13/ctubnd");
        Assert.Equal(6, thirteen.Count);
        Assert.Equal("13/CT-UBND", thirteen.Value);
    }

    private static readonly char[] Separators = [' ', ',', '.', '-', '"', '“', '”', '\'', '(', ')', ':', ';', '/', '\n'];

    private static bool ContainsAllWords(DocumentRecord record, string query)
    {
        var words = TextFolding.Fold(record.NormalizedText).Split(Separators.Append('\f').Append('\t').Append('\r').ToArray(), StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(words.Contains);
    }

    private static bool Holds(ExtractedFields fields, string filter, string value) => filter switch
    {
        "level" => fields.Issuer?.Level is { } level && ContractNames.Of(level) == value,
        "year" => (fields.Years.Count > 0 ? fields.Years : fields.IssuedDate is { } d ? [d.Year] : []).Contains(int.Parse(value)),
        "province" => fields.Issuer?.Province is { } p && TextFolding.Fold(p) == TextFolding.Fold(value),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static List<(string, int)> Count(IEnumerable<KeyValuePair<string, DocumentRecord>> records, Func<ExtractedFields, IEnumerable<string>> values) =>
        records.SelectMany(r => values(r.Value.Fields).Distinct())
            .GroupBy(v => v)
            .Select(g => (g.Key, g.Count()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    private static List<(string, int)> ByKey(SearchResponse response, string facet, Func<string, string> key) =>
        response.Facets[facet].Select(v => (key(v.Value), v.Count)).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
}
