using PlanIngest.Extraction.Model;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Query;

/// <summary>Snippets cut from the offsets the index keeps: the right passage, whole phrases, wildcards, escaping, several segments.</summary>
public sealed class SnippetTests : IDisposable
{
    private const string Filler = "Các cơ quan, đơn vị chủ động xây dựng kế hoạch cụ thể, phân công cán bộ theo dõi và báo cáo kết quả định kỳ. ";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-snippets-");
    private readonly DocumentIndex index;
    private readonly PlanSearcher searcher;

    public SnippetTests()
    {
        index = DocumentIndex.OpenForWriting(Path.Combine(folder.FullName, "index"));
        searcher = new PlanSearcher(index);
    }

    [Fact]
    public void A_phrase_is_marked_where_its_words_stand_together_and_nowhere_else()
    {
        Add("a", "Số: 12/KH-UBND\n" + Filler + "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước; số hóa hồ sơ.");

        var snippet = Snippet("\"chuyen doi so\"");

        Assert.Contains("<mark>chuyển đổi số</mark>", snippet);
        Assert.DoesNotContain("<mark>số</mark>", snippet);
        Assert.DoesNotContain("<mark>Số</mark>", snippet);
    }

    [Fact]
    public void The_passage_is_the_one_holding_the_rare_words_of_the_query()
    {
        // "kế hoạch" opens the text; the passage with "Minh Đài" as well comes 500 characters later.
        Add("a", "KẾ HOẠCH\n" + string.Concat(Enumerable.Repeat(Filler, 5)) + "Ủy ban nhân dân xã Minh Đài ban hành kế hoạch này.");
        Add("b", "Kế hoạch của xã Tân Lập.");

        var snippet = Snippet("kế hoạch minh đài");

        Assert.Contains("<mark>Minh</mark> <mark>Đài</mark>", snippet);
        Assert.Contains("<mark>kế</mark> <mark>hoạch</mark>", snippet);
        Assert.True(snippet.Replace("<mark>", string.Empty).Replace("</mark>", string.Empty).Length <= 170, snippet);
    }

    [Fact]
    public void A_wildcard_marks_the_words_it_stands_for()
    {
        Add("a", "Kế hoạch tiêm chủng mở rộng năm 2024.");

        Assert.Contains("<mark>chủng</mark>", Snippet("tiem chun*"));
    }

    [Fact]
    public void Text_is_escaped_and_the_passage_starts_and_ends_at_words()
    {
        var text = string.Concat(Enumerable.Repeat(Filler, 3)) + "<b>x</b> & \"nông thôn mới\" " + string.Concat(Enumerable.Repeat(Filler, 3));
        Add("a", text);

        var snippet = Snippet("nông thôn mới");

        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;<mark>nông</mark>", snippet);
        Assert.DoesNotContain("<b>", snippet);
        var plain = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", string.Empty).Replace("</mark>", string.Empty));
        var at = text.IndexOf(plain, StringComparison.Ordinal);
        Assert.True(at > 0, snippet);
        Assert.Equal(' ', text[at - 1]);
        Assert.Equal(' ', text[at + plain.Length]);
    }

    [Fact]
    public void Without_words_to_mark_the_snippet_is_the_opening_of_the_text()
    {
        Add("a", "KẾ HOẠCH\nThực hiện Chỉ thị số 13/CT-UBND\n" + Filler + Filler, new ExtractedFields { Citations = [new Citation("Chỉ thị", "13/CT-UBND", null, null, 1)] });

        var hit = Assert.Single(searcher.Search(new SearchRequest { Cites = "13/CT-UBND" }).Hits);

        Assert.StartsWith("KẾ HOẠCH Thực hiện Chỉ thị số 13/CT-UBND Các cơ quan", hit.Snippet);
        Assert.DoesNotContain("<mark>", hit.Snippet);
        Assert.True(hit.Snippet.Length <= 160);
    }

    [Fact]
    public void Hits_from_several_segments_each_get_their_own_passage()
    {
        Add("a", Filler + "Phòng chống thiên tai ở xã Tân Lập.");
        Add("b", Filler + Filler + "Phòng, chống thiên tai và tìm kiếm cứu nạn ở huyện Thanh Sơn.");

        var hits = searcher.Search(new SearchRequest { Text = "thiên tai" }).Hits.ToDictionary(h => h.Id, h => h.Snippet);

        Assert.Contains("<mark>thiên</mark> <mark>tai</mark> ở xã Tân Lập", hits["a"]);
        Assert.Contains("<mark>thiên</mark> <mark>tai</mark> và tìm kiếm", hits["b"]);
    }

    public void Dispose()
    {
        index.Dispose();
        folder.Delete(recursive: true);
    }

    private string Snippet(string query) => searcher.Search(new SearchRequest { Text = query }).Hits.First(h => h.Id == "a").Snippet;

    // Each document is committed on its own, so documents sit in separate segments.
    private void Add(string id, string text, ExtractedFields? fields = null)
    {
        index.Upsert(new IndexedDocument(id, 1, new DocumentRecord(
            new SourceInfo(id + ".txt", id, "text/plain", 1, false, null), [new PageText(1, text, PageMethod.PlainText) { Normalized = text }], fields ?? ExtractedFields.Empty)));
        index.Commit("catalog", 1);
    }
}
