using System.Net;
using PlanIngest.Web.Tests.Infrastructure;
using PlanIngest.Tests;

namespace PlanIngest.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class DocumentApiTests(WebFixture web)
{
    [Fact]
    public async Task A_document_is_what_show_json_prints()
    {
        var id = web.Ids["s02"];
        var api = await web.Http.GetStringAsync($"api/documents/{id}");
        var (code, cli, stderr) = await CliRunner.RunAsync("show", id, "--data", web.Data, "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(cli.Trim(), api.Trim());
    }

    [Fact]
    public async Task A_document_names_what_cites_it_and_the_catalogued_documents_it_cites()
    {
        // s02 cites s01 (112/KH-UBND); s08 cites s07 by number and date.
        var s01 = await web.Http.JsonAsync($"api/documents/{web.Ids["s01"]}");
        Assert.Equal("112/KH-UBND", s01["number"]!.GetValue<string>());
        Assert.Contains(web.Ids["s02"], s01["cited_by"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));

        var s02 = await web.Http.JsonAsync($"api/documents/{web.Ids["s02"]}");
        var cited = s02["citations"]!.AsArray().Single(c => c!["number"]!.GetValue<string>() == "112/KH-UBND")!;
        Assert.Equal(web.Ids["s01"], cited["id"]!.GetValue<string>());
        var uncatalogued = s02["citations"]!.AsArray().Single(c => c!["number"]!.GetValue<string>() == "13/CT-UBND")!;
        Assert.Null(uncatalogued["id"]);
    }

    [Fact]
    public async Task Pages_false_leaves_the_page_texts_out()
    {
        var with = await web.Http.JsonAsync($"api/documents/{web.Ids["s01"]}");
        var without = await web.Http.JsonAsync($"api/documents/{web.Ids["s01"]}?pages=false");
        Assert.NotEmpty(with["pages"]!.AsArray());
        Assert.Null(without["pages"]);
        Assert.Equal(with["number"]!.GetValue<string>(), without["number"]!.GetValue<string>());
        Assert.Contains("pages", await web.Http.ErrorAsync($"api/documents/{web.Ids["s01"]}?pages=maybe"));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_and_a_malformed_one_a_400()
    {
        var unknown = new string('0', 64);
        Assert.Contains(unknown, await web.Http.ErrorAsync($"api/documents/{unknown}", HttpStatusCode.NotFound));
        Assert.Contains(unknown, await web.Http.ErrorAsync($"api/documents/{unknown}/original", HttpStatusCode.NotFound));
        Assert.Contains("not a document id", await web.Http.ErrorAsync("api/documents/13-CT-UBND"));
        Assert.Contains("not a document id", await web.Http.ErrorAsync("api/documents/" + web.Ids["s01"].ToUpperInvariant()));
    }

    [Fact]
    public async Task The_archived_original_comes_back_byte_for_byte_under_the_documents_name()
    {
        using var response = await web.Http.GetAsync($"api/documents/{web.ArchivedId}/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(web.Files[web.ArchivedId]), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("s01_ubnd_huyen_thanh_son_van_hoa_2022.txt", response.Content.Headers.ContentDisposition.ToString());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_document_taken_in_without_the_worker_has_no_original_to_give()
    {
        var error = await web.Http.ErrorAsync($"api/documents/{web.Ids["s06"]}/original", HttpStatusCode.NotFound);
        Assert.Contains("no original in the archive", error);
    }

    [Fact]
    public async Task A_link_planted_in_the_archive_is_not_followed_out_of_it()
    {
        Assert.True(File.Exists(web.ArchivePathOf(web.LinkTrapId, ".txt")), "the trap is in place");
        using var response = await web.Http.GetAsync($"api/documents/{web.LinkTrapId}/original");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_the_documents_is_never_served_as_its_original()
    {
        using var response = await web.Http.GetAsync($"api/documents/{web.SwappedId}/original");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/documents/..%2F..%2Fcatalog.db/original")]
    [InlineData("api/documents/%2Fetc%2Fpasswd/original")]
    [InlineData("api/documents/..%2Fcatalog.db")]
    [InlineData("api/documents/%2e%2e/original")]
    [InlineData("api/documents/../../catalog.db/original")]
    [InlineData("api/documents/original?path=/etc/passwd")]
    public async Task A_path_in_the_request_never_reads_a_file(string path)
    {
        using var response = await web.Http.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("SQLite format", body);
    }
}
