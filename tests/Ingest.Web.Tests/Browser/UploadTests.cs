using Microsoft.Playwright;
using PlanIngest.Tests;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class UploadTests(WebFixture web, BrowserFixture browser)
{
    private static readonly TimeSpan WorkerLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_uploaded_plan_is_taken_by_the_worker_and_found_on_the_page_and_a_fake_pdf_is_refused()
    {
        var plan = await File.ReadAllBytesAsync(RepoPaths.TestData("web", "upload", "u01_ubnd_xa_hoa_binh_ve_sinh_moi_truong.txt"));
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/status");
        await BrowserFixture.ShotAsync(page, "11-status-and-upload-form");
        await page.Locator("#files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = @"..\..\etc\Kế hoạch <số 5> & kèm.txt", MimeType = "text/plain", Buffer = plan },
            new FilePayload { Name = "bao-cao.pdf", MimeType = "application/pdf", Buffer = [0x13, 0x37, 0x00, 0xFF, 0x42, 0x00, 0x01, 0x02] },
        });
        await page.Locator("form.upload-form button").ClickAsync();
        await page.Locator("#upload-result").WaitForAsync();
        await BrowserFixture.ShotAsync(page, "12-upload-result");

        // The client's name is data: its last segment only, markup characters replaced, nothing written outside the inbox.
        Assert.Equal("Kế hoạch _số 5_ _ kèm.txt", await page.Locator("#upload-result li.ok code").InnerTextAsync());
        Assert.False(File.Exists(Path.Combine(web.Inbox, "..", "etc", "Kế hoạch <số 5> & kèm.txt")));
        var refused = await page.Locator("#upload-result li.refused").InnerTextAsync();
        Assert.Contains("bao-cao.pdf", refused);
        Assert.Contains("nội dung không phải", refused);

        // The worker takes it from the inbox; then the search page finds it, without diacritics too.
        var deadline = DateTime.UtcNow + WorkerLimit;
        SearchPageTests.Results found;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"the upload was not searchable within {WorkerLimit}; worker log: {web.ServerLog}");
            await Task.Delay(300);
            await page.GotoAsync("/?q=" + Uri.EscapeDataString("ve sinh moi truong rac thai nhua"));
            found = await SearchPageTests.ResultsAsync(page);
        }
        while (found.Total == 0);

        await BrowserFixture.ShotAsync(page, "13-uploaded-plan-found");
        Assert.Equal(1, found.Total);
        Assert.Contains("42/KH-UBND", await page.Locator(".hit .number").InnerTextAsync());

        // Its page links the original the worker archived, byte for byte what was uploaded; the fake PDF left nothing.
        await page.Locator(".hit .hit-title").ClickAsync();
        var original = await page.APIRequest.GetAsync((await page.Locator("a.original").GetAttributeAsync("href"))!);
        Assert.Equal(plan, await original.BodyAsync());
        Assert.Contains("Kế hoạch _số 5_ _ kèm.txt", await page.Locator("#fields").InnerTextAsync());

        // The status page counts it among the worker's finished jobs (s01 was the first).
        await page.GotoAsync("/status");
        await BrowserFixture.ShotAsync(page, "14-status-after-upload");
        Assert.True(int.Parse(await page.Locator("#counts tr[data-state=indexed] td").InnerTextAsync()) >= 2);
        Assert.DoesNotContain(Directory.GetFiles(web.Inbox), f => Path.GetFileName(f).Contains("bao-cao", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_looks_right_but_cannot_be_read_shows_on_the_status_page_with_its_reason()
    {
        // truncated.pdf starts like a PDF, so the upload takes it; the worker then finds it broken and quarantines it.
        var page = await browser.NewPageAsync(web.Address);
        await page.GotoAsync("/status");
        await page.Locator("#files").SetInputFilesAsync(RepoPaths.TestData("bad", "truncated.pdf"));
        await page.Locator("form.upload-form button").ClickAsync();
        Assert.Equal("truncated.pdf", await page.Locator("#upload-result li.ok code").InnerTextAsync());

        var deadline = DateTime.UtcNow + WorkerLimit;
        while (await page.Locator("#failures tbody tr", new() { HasText = "truncated.pdf" }).CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the broken upload was not reported within {WorkerLimit}; worker log: {web.ServerLog}");
            await Task.Delay(300);
            await page.GotoAsync("/status");
        }

        await BrowserFixture.ShotAsync(page, "15-status-failure-with-reason");
        var row = page.Locator("#failures tbody tr", new() { HasText = "truncated.pdf" });
        var reason = await row.Locator("td").Nth(1).InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.StartsWith("quarantine/", await row.Locator("td").Nth(3).InnerTextAsync());
    }
}
