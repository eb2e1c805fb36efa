using Microsoft.Playwright;
using PlanIngest.Tests;
using PlanIngest.Web.Tests.Infrastructure;

namespace PlanIngest.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class UploadTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task An_uploaded_plan_lands_in_the_inbox_under_a_safe_name_and_a_fake_pdf_is_refused()
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

        var accepted = await page.Locator("#upload-result li.ok code").InnerTextAsync();
        Assert.Equal("Kế hoạch _số 5_ _ kèm.txt", accepted);
        Assert.Equal(plan, await File.ReadAllBytesAsync(Path.Combine(web.Inbox, accepted)));
        var refused = await page.Locator("#upload-result li.refused").InnerTextAsync();
        Assert.Contains("bao-cao.pdf", refused);
        Assert.Contains("nội dung không phải", refused);
        // Only the accepted file is in the inbox: no temporary copy, nothing outside it.
        Assert.Equal([accepted], Directory.GetFiles(web.Inbox).Select(Path.GetFileName).Where(n => !n!.StartsWith("forged", StringComparison.Ordinal)));
        Assert.False(File.Exists(Path.Combine(web.Inbox, "..", "etc", "Kế hoạch <số 5> & kèm.txt")));
    }

    [Fact(Skip = "Pending until the worker (issue 9, watch) is on main: the page can drop a file into the inbox (tested above), but nothing takes it from there yet.")]
    public Task An_uploaded_file_appears_in_the_results_once_the_worker_has_taken_it() => Task.CompletedTask;
}
