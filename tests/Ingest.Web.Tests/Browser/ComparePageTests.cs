using System.Text;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ComparePageTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task The_comparison_draws_the_chart_and_exports_csv()
    {
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/compare");
        await page.Locator("#q").FillAsync("gia dinh van hoa");
        await page.Locator("form.compare-form button").ClickAsync();
        var canvas = page.Locator("canvas.compare-chart").First;
        await canvas.WaitForAsync();
        await page.Locator("canvas.compare-chart[data-drawn]").First.WaitForAsync();
        await BrowserFixture.ShotAsync(page, "10-compare-chart");

        var rows = await page.Locator("#compare-table tbody tr").CountAsync();
        Assert.True(rows >= 3, $"{rows} rows");
        // Chart.js drew one line per row of the table (one chart per unit), and ink is on the canvas.
        var lines = 0;
        foreach (var chart in await page.Locator("canvas.compare-chart").AllAsync())
        {
            lines += int.Parse((await chart.GetAttributeAsync("data-drawn"))!);
        }

        Assert.Equal(rows, lines);
        Assert.True(await canvas.EvaluateAsync<bool>("c => Chart.getChart(c) !== undefined"));
        var inked = await canvas.EvaluateAsync<int>(
            "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }");
        Assert.True(inked > 1000, $"{inked} painted pixels");
        var thanhSon = await page.Locator("#compare-table tbody tr", new() { HasText = "Ủy ban nhân dân huyện Thanh Sơn" }).InnerTextAsync();
        Assert.Contains("85%", thanhSon);
        Assert.Contains("87%", thanhSon);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        Assert.Equal("so-sanh-gia-dinh-van-hoa.csv", download.SuggestedFilename);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var records = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("issuer,subject,unit,comparator,", records[0]);
        Assert.Equal(rows, records.Length - 1);
        Assert.Contains(records, l => l.StartsWith("Ủy ban nhân dân huyện Thanh Sơn,", StringComparison.Ordinal) && l.Contains(",85,112/KH-UBND,87,35/KH-UBND", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subject_that_names_nothing_is_explained_on_the_page()
    {
        var page = await browser.NewPageAsync(web.Address);
        var response = await page.GotoAsync("/compare?q=2022");
        Assert.Equal(400, response!.Status);
        Assert.Contains("không nhận ra chỉ tiêu", await page.Locator(".error").InnerTextAsync());
    }
}
