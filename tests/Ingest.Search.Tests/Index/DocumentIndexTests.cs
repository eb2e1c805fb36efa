using PlanIngest.Extraction.Model;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Index;

public sealed class DocumentIndexTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-index-");

    private string IndexPath => Path.Combine(folder.FullName, "index");

    [Fact]
    public void Upserting_an_id_again_replaces_its_document()
    {
        using var index = DocumentIndex.OpenForWriting(IndexPath);
        index.Upsert(Document("a", 1, "Kế hoạch phòng chống thiên tai"));
        index.Upsert(Document("a", 2, "Kế hoạch tiêm chủng mở rộng"));
        index.Commit("catalog", 2);

        Assert.Equal(1, index.Count);
        var searcher = new PlanSearcher(index);
        Assert.Equal(0, searcher.Search(new SearchRequest { Text = "thiên tai" }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Text = "tiem chung" }).Total);
    }

    [Fact]
    public void A_commit_records_the_catalog_sequence_it_reaches()
    {
        using (var index = DocumentIndex.OpenForWriting(IndexPath))
        {
            Assert.Equal(IndexState.Empty, index.Committed);
            index.Upsert(Document("a", 7, "văn bản"));
            index.Commit("catalog-1", 7);
        }

        using var again = DocumentIndex.OpenForReading(IndexPath)!;
        Assert.Equal(new IndexState("catalog-1", 7, IndexFields.SchemaVersion), again.Committed);
        Assert.True(again.Committed.CanContinue("catalog-1"));
        Assert.False(again.Committed.CanContinue("catalog-2"));
    }

    [Fact]
    public void Changes_not_committed_are_gone_after_closing_and_the_last_commit_stands()
    {
        using (var index = DocumentIndex.OpenForWriting(IndexPath))
        {
            index.Upsert(Document("a", 1, "một"));
            index.Commit("catalog", 1);
            index.Upsert(Document("b", 2, "hai"));
            index.DeleteAll();
        }

        using var reopened = DocumentIndex.OpenForWriting(IndexPath);
        Assert.Equal(1, reopened.Count);
        Assert.Equal(1, reopened.Committed.Sequence);
    }

    [Fact]
    public void A_second_writer_is_refused_while_the_first_holds_the_index()
    {
        using var first = DocumentIndex.OpenForWriting(IndexPath);

        Assert.Throws<IndexBusyException>(() => DocumentIndex.OpenForWriting(IndexPath));
        first.Commit("catalog", 0);
        using var reader = DocumentIndex.OpenForReading(IndexPath);
        Assert.NotNull(reader);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static IndexedDocument Document(string id, long sequence, string text) => new(
        id, sequence, new DocumentRecord(new SourceInfo(id + ".txt", id, "text/plain", 1, false, null), [new PageText(1, text, PageMethod.PlainText) { Normalized = text }], ExtractedFields.Empty));
}
