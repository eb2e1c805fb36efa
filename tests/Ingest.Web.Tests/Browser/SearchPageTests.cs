using Microsoft.Playwright;
using PlanIngest.Web.Tests.Api;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Browser;

/// <summary>The search page in real headless Chromium, as a person uses it: typing, clicking, reading.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchPageTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task Typing_with_or_without_diacritics_gives_the_same_results()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/");
        await SearchAsync(page, "gia đình văn hóa");
        await BrowserFixture.ShotAsync(page, "01-search-with-diacritics");
        var marked = await ResultsAsync(page);

        await SearchAsync(page, "gia dinh van hoa");
        await BrowserFixture.ShotAsync(page, "02-search-without-diacritics");
        var stripped = await ResultsAsync(page);

        await SearchAsync(page, "GIA ĐÌNH VĂN HOÁ");
        var oldStyle = await ResultsAsync(page);

        Assert.True(marked.Ids.Count >= 5, $"{marked.Ids.Count} hits");
        Assert.Equal(marked, stripped);
        Assert.Equal(marked, oldStyle);
        // The matched words are marked in the snippets, in the document's own spelling.
        var marks = await page.Locator(".snippet mark").AllInnerTextsAsync();
        Assert.Contains(marks, m => m.Equals("văn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Clicking_a_facet_narrows_the_results_and_the_counts_and_the_chip_undoes_it()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/");
        var before = await ResultsAsync(page);
        var district = page.Locator("[data-facet=level] li a", new() { HasText = "huyện" });
        var shown = int.Parse(await district.Locator(".count").InnerTextAsync());
        var provincesBefore = await FacetCountsAsync(page, "province");
        await BrowserFixture.ShotAsync(page, "03-facets-before");

        await district.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("filter=level", StringComparison.Ordinal));
        await BrowserFixture.ShotAsync(page, "04-facet-level-huyen");
        var after = await ResultsAsync(page);
        Assert.Equal(shown, after.Total);
        Assert.True(after.Total < before.Total);
        Assert.Equal(after.Total, after.Ids.Count);
        // Every plan listed is a district's (as its own record says), and none of them is new.
        var everything = (await web.Http.JsonAsync("api/search?limit=100")).HitIds();
        foreach (var id in after.Ids)
        {
            Assert.Contains(id, everything);
            var record = await web.Http.JsonAsync($"api/documents/{id}?pages=false");
            Assert.Equal("huyện", record["issuer"]?["level"]?.GetValue<string>());
        }

        // The other facets now count the narrowed results only.
        Assert.Equal(["huyện"], (await FacetCountsAsync(page, "level")).Keys);
        var provincesAfter = await FacetCountsAsync(page, "province");
        Assert.True(provincesAfter.Values.Sum() < provincesBefore.Values.Sum());
        Assert.Equal("Cấp: huyện ×", (await page.Locator(".active-filters .chip").InnerTextAsync()).Trim());

        await page.Locator(".active-filters .chip").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("filter=", StringComparison.Ordinal));
        Assert.Equal(before, await ResultsAsync(page));
    }

    [Fact]
    public async Task The_sidebar_counts_every_facet_and_a_cited_document_or_a_campaign_narrows_like_the_others()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/");
        var headings = await page.Locator(".facets h3").AllInnerTextsAsync();
        Assert.Equal(
            ["Loại văn bản", "Cơ quan ban hành", "Tỉnh, thành phố", "Cấp", "Năm", "Văn bản được trích dẫn", "Phong trào"],
            headings.Select(h => h.Trim()));

        // A cited document: the page's filter finds what the API's cites query finds, and the count said so.
        var cited = page.Locator("[data-facet=cites] li a").First;
        var number = (await cited.Locator(".facet-value").InnerTextAsync()).Trim();
        var citedCount = int.Parse(await cited.Locator(".count").InnerTextAsync());
        await cited.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("filter=cites", StringComparison.Ordinal));
        await BrowserFixture.ShotAsync(page, "05a-facet-cited-document");
        var byCitation = await ResultsAsync(page);
        var api = await web.Http.JsonAsync("api/search?limit=100&cites=" + Uri.EscapeDataString(number));
        Assert.True(citedCount >= 2, $"{number} cited by {citedCount}");
        Assert.Equal(citedCount, byCitation.Total);
        Assert.Equal(api["total"]!.GetValue<int>(), byCitation.Total);
        Assert.Equal(api.HitIds().Take(10).Order(), byCitation.Ids.Order()); // the page lists ten

        // A campaign: every plan listed names it among its own campaigns.
        await page.GotoAsync("/");
        var campaign = page.Locator("[data-facet=campaign] li a").First;
        var name = (await campaign.Locator(".facet-value").InnerTextAsync()).Trim();
        var campaignCount = int.Parse(await campaign.Locator(".count").InnerTextAsync());
        await campaign.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("filter=campaign", StringComparison.Ordinal));
        await BrowserFixture.ShotAsync(page, "05b-facet-campaign");
        var byCampaign = await ResultsAsync(page);
        Assert.Equal(campaignCount, byCampaign.Total);
        Assert.NotEmpty(byCampaign.Ids);
        foreach (var id in byCampaign.Ids)
        {
            var record = await web.Http.JsonAsync($"api/documents/{id}?pages=false");
            Assert.Contains(name, record["campaigns"]!.AsArray().Select(c => c!.GetValue<string>()));
        }

        Assert.Equal($"Phong trào: {name} ×", (await page.Locator(".active-filters .chip").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_page_works_without_javascript()
    {
        var page = await browser.NewPageAsync(web.Address, javaScript: false);
        await page.GotoAsync("/");
        await SearchAsync(page, "van hoa");
        var searched = await ResultsAsync(page);
        await page.Locator("[data-facet=year] li a").First.ClickAsync();
        // Committed, then the new page's filter chip: without script Chromium now and then never reports "load" to Playwright (30 s timeout, "NetworkIdle" fired).
        await page.WaitForURLAsync(url => url.Contains("filter=year", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(".active-filters .chip").First.WaitForAsync();
        var narrowed = await ResultsAsync(page);
        await BrowserFixture.ShotAsync(page, "05-no-javascript-search-and-facet");
        Assert.True(narrowed.Total > 0 && narrowed.Total < searched.Total);
        Assert.Equal("van hoa", await page.Locator("#q").InputValueAsync());
    }

    [Fact]
    public async Task A_document_with_script_in_its_text_shows_it_as_text_and_runs_nothing()
    {
        var page = await browser.NewPageAsync(web.Address);
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/");
        await SearchAsync(page, "an toàn thông tin");
        var title = page.Locator($".hit[data-id='{web.Ids["w01"]}'] .hit-title");
        Assert.Contains("<script>alert(\"xss\")</script>", await title.InnerTextAsync());
        await BrowserFixture.ShotAsync(page, "06-script-in-search-results");

        await title.ClickAsync();
        await page.WaitForURLAsync($"**/documents/{web.Ids["w01"]}");
        Assert.Contains("<script>alert(\"xss\")</script>", await page.Locator("h1").InnerTextAsync());
        var text = await page.Locator(".page-text").First.InnerTextAsync();
        Assert.Contains("<img src=x onerror=alert(1)>", text);
        Assert.Contains("<script src=\"http://evil.example/x.js\"></script>", text);
        await BrowserFixture.ShotAsync(page, "07-script-in-document-page");
        // Nothing from the document became an element.
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(0, dialogs);
    }

    /// <summary>
    /// Types <paramref name="text"/>, submits, and waits for the new document: the answer to this search must
    /// have arrived, the page must be at its address, and its total must be there. Waiting for a load state
    /// could look at the old page (the first view has results and a total too), and without script Chromium
    /// now and then never reports the load events to Playwright (a 30 s timeout with "NetworkIdle" fired).
    /// </summary>
    internal static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#q").FillAsync(text);
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("form.search button[type=submit]").ClickAsync(),
            response => response.Request.IsNavigationRequest && QueryText(response.Url) == text);
        // page.Url follows the navigation's commit; WaitForURLAsync, once the address already matches, waits for a
        // load state instead, which is the event Chromium sometimes never reports here.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (QueryText(page.Url) != text)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the page did not reach the search for \"{text}\" (at {page.Url})");
            }

            await Task.Delay(50);
        }

        await page.Locator("#total").WaitForAsync();
    }

    private static string? QueryText(string url) => System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["q"];

    internal static async Task<Results> ResultsAsync(IPage page)
    {
        var total = int.Parse(await page.Locator("#total").GetAttributeAsync("data-total") ?? "-1");
        var ids = new List<string>();
        foreach (var hit in await page.Locator(".hit").AllAsync())
        {
            ids.Add(await hit.GetAttributeAsync("data-id") ?? string.Empty);
        }

        return new Results(total, ids);
    }

    private static async Task<Dictionary<string, int>> FacetCountsAsync(IPage page, string facet)
    {
        var counts = new Dictionary<string, int>();
        foreach (var link in await page.Locator($"[data-facet={facet}] li a").AllAsync())
        {
            counts[(await link.Locator(".facet-value").InnerTextAsync()).TrimStart('✓', ' ')] = int.Parse(await link.Locator(".count").InnerTextAsync());
        }

        return counts;
    }

    /// <summary>The total shown and the ids of the listed hits, in order.</summary>
    internal sealed record Results(int Total, IReadOnlyList<string> Ids)
    {
        public bool Equals(Results? other) => other is not null && Total == other.Total && Ids.SequenceEqual(other.Ids);

        public override int GetHashCode() => Total;
    }
}
