using System.Net;
using Ical.Net;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Api;

/// <summary>The .ics feed read back by Ical.Net, checked against the deadlines the documents' own records hold.</summary>
[Collection(WebCollection.Name)]
public sealed class DeadlineFeedTests(WebFixture web)
{
    [Fact]
    public async Task Every_dated_deadline_is_one_event_and_the_feed_parses()
    {
        var calendar = await FeedAsync("api/deadlines.ics");
        var expected = 0;
        foreach (var id in (await web.Http.JsonAsync("api/search?limit=100")).HitIds())
        {
            var record = await web.Http.JsonAsync($"api/documents/{id}?pages=false");
            expected += record["deadlines"]!.AsArray().Count(d => d!["date"] is not null);
        }

        Assert.True(expected >= 10, $"the fixtures hold {expected} dated deadlines");
        Assert.Equal(expected, calendar.Events.Count);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        Assert.All(calendar.Events, e => Assert.False(e.Start!.HasTime));
    }

    [Fact]
    public async Task A_day_deadline_is_an_all_day_event_on_that_day_that_names_its_plan()
    {
        // s01: "tổng hợp kết quả gửi UBND huyện trước ngày 15/12/2022".
        var calendar = await FeedAsync("api/deadlines.ics");
        var due = calendar.Events.Single(e => e.Uid!.StartsWith(web.Ids["s01"], StringComparison.Ordinal) && e.Start!.Value.Date == new DateTime(2022, 12, 15));
        Assert.StartsWith("[112/KH-UBND] Hạn:", due.Summary);
        Assert.Equal(new DateTime(2022, 12, 16), due.End!.Value.Date);
        Assert.Contains("15/12/2022", due.Description);
        Assert.Equal(new Uri(web.Address, $"documents/{web.Ids["s01"]}"), due.Url);
    }

    [Fact]
    public async Task A_month_event_spans_the_month()
    {
        // s01: "tổ chức bình xét danh hiệu văn hóa trong tháng 11/2022".
        var calendar = await FeedAsync("api/deadlines.ics");
        var month = calendar.Events.Single(e => e.Uid!.StartsWith(web.Ids["s01"], StringComparison.Ordinal) && e.Start!.Value.Date == new DateTime(2022, 11, 1));
        Assert.Equal(new DateTime(2022, 12, 1), month.End!.Value.Date);
    }

    [Fact]
    public async Task The_issuer_filter_keeps_that_bodys_plans_only()
    {
        // s01 and s02 are the plans of UBND huyện Thanh Sơn (s02 sets only a recurring deadline, which has no date).
        var all = await FeedAsync("api/deadlines.ics");
        var calendar = await FeedAsync("api/deadlines.ics?issuer=" + Uri.EscapeDataString("Ủy ban nhân dân huyện Thanh Sơn"));
        string[] thanhSon = [web.Ids["s01"], web.Ids["s02"]];
        var expected = all.Events.Select(e => e.Uid!).Where(uid => thanhSon.Contains(uid[..64])).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(all.Events.Count > expected.Count);
        Assert.Equal(expected, calendar.Events.Select(e => e.Uid!).Order());
        var abbreviated = await FeedAsync("api/deadlines.ics?issuer=" + Uri.EscapeDataString("UBND huyện Thanh Sơn"));
        Assert.Equal(calendar.Events.Count, abbreviated.Events.Count);
    }

    [Fact]
    public async Task Bad_parameters_are_400s()
    {
        Assert.Contains("names no issuing body", await web.Http.ErrorAsync("api/deadlines.ics?issuer=%21%21"));
        Assert.Contains("unknown parameter", await web.Http.ErrorAsync("api/deadlines.ics?from=2020"));
    }

    private async Task<Calendar> FeedAsync(string path)
    {
        using var response = await web.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Calendar.Load(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("no calendar");
    }
}
