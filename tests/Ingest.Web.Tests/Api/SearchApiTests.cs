using System.Net;
using PlanIngest.Web.Tests.Infrastructure;
using PlanIngest.Tests;

namespace PlanIngest.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class SearchApiTests(WebFixture web)
{
    [Fact]
    public async Task Answers_exactly_what_search_json_prints()
    {
        var api = await web.Http.GetStringAsync("api/search?q=gia%20%C4%91%C3%ACnh%20v%C4%83n%20h%C3%B3a&facet=issuer&facet=year&limit=5");
        var (code, cli, stderr) = await CliRunner.RunAsync("search", "gia đình văn hóa", "--facet", "issuer", "--facet", "year", "--limit", "5", "--data", web.Data, "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(cli.Trim(), api.Trim());
    }

    [Fact]
    public async Task With_or_without_diacritics_and_in_old_tone_placement_the_same_documents_match()
    {
        var marked = await web.Http.JsonAsync("api/search?q=" + Uri.EscapeDataString("văn hóa") + "&limit=100");
        var stripped = await web.Http.JsonAsync("api/search?q=van%20hoa&limit=100");
        var oldStyle = await web.Http.JsonAsync("api/search?q=" + Uri.EscapeDataString("VĂN HOÁ") + "&limit=100");
        Assert.True(marked["total"]!.GetValue<int>() >= 8);
        Assert.Equal(marked.HitIds().Order(), stripped.HitIds().Order());
        Assert.Equal(marked.HitIds().Order(), oldStyle.HitIds().Order());
    }

    [Fact]
    public async Task Cites_finds_every_plan_citing_13_CT_UBND_and_no_look_alike()
    {
        var search = await web.Http.JsonAsync("api/search?cites=13/CT-UBND&limit=100");
        string[] citing = ["s01", "s02", "s03", "s04", "s06", "000", "w01"];
        Assert.Equal(citing.Select(s => web.Ids[s]).Order(), search.HitIds().Order());
        Assert.DoesNotContain(web.Ids["s05"], search.HitIds());
    }

    [Fact]
    public async Task A_filter_narrows_to_the_count_its_facet_showed()
    {
        var all = await web.Http.JsonAsync("api/search?facet=level&limit=0");
        var district = all["facets"]!["level"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == "huyện")!;
        var narrowed = await web.Http.JsonAsync("api/search?filter=level:huy%E1%BB%87n&facet=level&limit=100");
        Assert.Equal(district["count"]!.GetValue<int>(), narrowed["total"]!.GetValue<int>());
        Assert.True(narrowed["total"]!.GetValue<int>() < all["total"]!.GetValue<int>());
        Assert.Equal(["huyện"], narrowed["facets"]!["level"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Paging_returns_the_next_hits()
    {
        var first = await web.Http.JsonAsync("api/search?limit=3");
        var second = await web.Http.JsonAsync("api/search?limit=3&offset=3");
        var both = await web.Http.JsonAsync("api/search?limit=6");
        Assert.Equal(both.HitIds(), first.HitIds().Concat(second.HitIds()));
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=99999999", "offset")]
    [InlineData("filter=level", "NAME:VALUE")]
    [InlineData("filter=colour:red", "unknown filter")]
    [InlineData("facet=colour", "unknown facet")]
    [InlineData("q=%22gia%20dinh", "quotes")]
    [InlineData("q=(van%20hoa", "parentheses")]
    [InlineData("cites=hello", "cites")]
    [InlineData("qq=van", "unknown parameter 'qq'")]
    [InlineData("q=a&q=b", "'q' is given 2 times")]
    [InlineData("q=*", "cannot parse query")]
    public async Task A_bad_parameter_is_a_400_that_says_what_is_wrong(string query, string named)
    {
        var error = await web.Http.ErrorAsync("api/search?" + query);
        Assert.Contains(named, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused_with_its_length()
    {
        var error = await web.Http.ErrorAsync("api/search?q=" + new string('a', 1001));
        Assert.Contains("1001", error);
    }

    [Fact]
    public async Task A_request_line_beyond_Kestrels_bound_is_refused_and_the_server_keeps_serving()
    {
        using var response = await web.Http.GetAsync("api/search?q=" + new string('a', 9000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("health")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_endpoint_is_a_404_in_the_same_json_shape()
    {
        var error = await web.Http.ErrorAsync("api/nothing-here", HttpStatusCode.NotFound);
        Assert.Contains("/api/nothing-here", error);
    }
}
