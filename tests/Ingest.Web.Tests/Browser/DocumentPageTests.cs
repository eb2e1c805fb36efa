using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class DocumentPageTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task A_document_page_shows_its_number_issuer_date_legal_bases_and_indicators()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/");
        await SearchPageTests.SearchAsync(page, "112/KH-UBND");
        await page.Locator($".hit[data-id='{web.Ids["s01"]}'] .hit-title").ClickAsync();
        await page.WaitForURLAsync($"**/documents/{web.Ids["s01"]}");
        await BrowserFixture.ShotAsync(page, "08-document-page");

        Assert.Equal("112/KH-UBND", await page.Locator("#number").InnerTextAsync());
        Assert.Contains("Ủy ban nhân dân huyện Thanh Sơn", await page.Locator("#issuer").InnerTextAsync());
        Assert.Contains("10/02/2022", await page.Locator("#issued").InnerTextAsync());
        var bases = await page.Locator("#legal-bases li .reference").AllInnerTextsAsync();
        Assert.Contains(bases, b => b.Contains("13/CT-UBND", StringComparison.Ordinal) && b.Contains("15/03/2021", StringComparison.Ordinal));
        Assert.Contains(bases, b => b.Contains("21-NQ/HU", StringComparison.Ordinal));
        var indicators = await page.Locator("#indicators tbody tr").AllInnerTextsAsync();
        Assert.Contains(indicators, row => row.Contains("Gia đình văn hóa", StringComparison.Ordinal) && row.Contains("85%", StringComparison.Ordinal));
        Assert.Equal(3, indicators.Count);
        // Deadlines in date order: the November event before the December due date.
        var dates = await page.Locator("#deadlines td.date").AllInnerTextsAsync();
        Assert.Equal(["tháng 11/2022", "15/12/2022"], dates);
        Assert.Contains("Hà Thị Thu Hằng", await page.Locator("#signer").InnerTextAsync());
        Assert.Contains(await page.Locator("#cited-by a").AllInnerTextsAsync(), a => a == "35/KH-UBND");
        Assert.Equal(1, await page.Locator("a.original").CountAsync());
    }

    [Fact]
    public async Task A_legal_basis_links_to_the_plans_citing_it_and_a_catalogued_one_to_its_page()
    {
        var page = await browser.NewPageAsync(web.Address);
        // s07 rests on "Kế hoạch số 112/KH-UBND ngày 10/02/2022 của UBND huyện Thanh Sơn", which is s01.
        await page.GotoAsync($"/documents/{web.Ids["s07"]}");
        var basis = page.Locator("#legal-bases li", new() { HasText = "112/KH-UBND" });
        await basis.Locator("a.cited-link").ClickAsync();
        await page.WaitForURLAsync($"**/documents/{web.Ids["s01"]}");

        var citing = page.Locator("#legal-bases li", new() { HasText = "13/CT-UBND" }).Locator("a.citing-link");
        await citing.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("cites=", StringComparison.Ordinal));
        await BrowserFixture.ShotAsync(page, "09-plans-citing-13-CT-UBND");
        var results = await SearchPageTests.ResultsAsync(page);
        string[] expected = ["s01", "s02", "s03", "s04", "s06", "000", "w01"];
        Assert.Equal(expected.Select(s => web.Ids[s]).Order(), results.Ids.Order());
    }

    [Fact]
    public async Task The_original_link_opens_the_archived_file()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync($"/documents/{web.ArchivedId}");
        var href = await page.Locator("a.original").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal(await File.ReadAllBytesAsync(web.Files[web.ArchivedId]), await response.BodyAsync());
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_page_in_vietnamese()
    {
        var page = await browser.NewPageAsync(web.Address);
        var response = await page.GotoAsync("/documents/" + new string('0', 64));
        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy văn bản", await page.Locator("h1").InnerTextAsync());
    }
}
