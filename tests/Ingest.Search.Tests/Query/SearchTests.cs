using PlanIngest.Extraction.Text;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Query;

[Collection(FixtureIndexCollection.Name)]
public sealed class SearchTests(FixtureIndex fixture)
{
    private readonly PlanSearcher searcher = new(fixture.Index);

    [Theory]
    [InlineData("gia đình văn hóa", "gia dinh van hoa")]
    [InlineData("gia đình văn hoá", "GIA ĐÌNH VĂN HÓA")]
    [InlineData("Ủy ban nhân dân xã Minh Đài", "uy ban nhan dan xa minh dai")]
    [InlineData("Uỷ ban nhân dân huyện Thanh Sơn", "ủy ban nhân dân huyện thanh sơn")]
    [InlineData("\"đời sống văn hóa\"", "\"doi song van hoa\"")]
    [InlineData("bảo hiểm y tế", "bao hiem y te")]
    public void A_query_with_and_without_diacritics_finds_the_same_documents(string marked, string plain)
    {
        var withMarks = Ids(marked);
        var without = Ids(plain);

        Assert.NotEmpty(withMarks);
        Assert.Equal(withMarks, without);
    }

    [Fact]
    public void A_query_in_the_garbled_form_of_seed_000_finds_the_clean_documents()
    {
        // Seed 000's preamble as English-model OCR left it; s03 is a clean plan with the same citation.
        const string garbled = "Can cir Chi thi sé 13/CT-UBND ngay 29/12/2020 ctia Uy ban nhan dén tinh";
        var clean = fixture.Records[fixture.Id("s03")].NormalizedText;
        var cleanWords = TextFolding.Fold(clean).Split([' ', '\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.DoesNotContain("ctia", cleanWords);
        Assert.DoesNotContain("cir", cleanWords);

        var found = Ids(garbled).Select(fixture.Stem).ToList();

        Assert.Contains("s03", found);
        Assert.Contains("s04", found);
        Assert.Contains("000", found);
    }

    [Fact]
    public void Cites_returns_exactly_the_documents_that_cite_the_number_whatever_the_spelling()
    {
        // testdata/search/README.md: s01, s02 (spelt "13/CT - UBND"), s03, s04 (accent-stripped), s06 and seed 000 cite it;
        // s05 cites 13-CT/TU, 113/CT-UBND and 13/KH-UBND, which are other documents.
        string[] citing = ["000", "s01", "s02", "s03", "s04", "s06"];
        foreach (var spelling in new[] { "13/CT-UBND", "Số: 13/CT-UBND", "13/ct ubnd", "13 / CT - UBND", "13/CT/UBND" })
        {
            var response = searcher.Search(new SearchRequest { Cites = spelling, Limit = 100 });

            Assert.Equal(citing, response.Hits.Select(h => fixture.Stem(h.Id)).Order());
            Assert.Equal(citing.Length, response.Total);
        }
    }

    [Fact]
    public void An_ocr_damaged_number_finds_the_documents_citing_the_clean_one()
    {
        // 330-KHITU is how English-model OCR reads 330-KH/TU (DESIGN §2); seed 001 cites it.
        var hits = searcher.Search(new SearchRequest { Cites = "330-KHITU" }).Hits.Select(h => fixture.Stem(h.Id));

        Assert.Equal(["001"], hits);
    }

    [Fact]
    public void An_empty_query_matches_every_document()
    {
        var response = searcher.Search(new SearchRequest { Limit = 0 });

        Assert.Equal(fixture.Records.Count, response.Total);
    }

    [Fact]
    public void Pages_of_hits_follow_one_ranking()
    {
        var all = searcher.Search(new SearchRequest { Text = "văn hóa", Limit = 100 }).Hits.Select(h => h.Id).ToList();
        var pages = Enumerable.Range(0, (all.Count + 2) / 3)
            .SelectMany(p => searcher.Search(new SearchRequest { Text = "văn hóa", Limit = 3, Offset = p * 3 }).Hits.Select(h => h.Id))
            .ToList();

        Assert.True(all.Count > 3);
        Assert.Equal(all, pages);
    }

    [Fact]
    public void A_snippet_marks_the_matched_words_in_the_document_own_spelling()
    {
        var hit = searcher.Search(new SearchRequest { Text = "van hoa", Filters = [("issuer", "UBND huyện Thanh Sơn")], Limit = 10 })
            .Hits.Single(h => fixture.Stem(h.Id) == "s02");

        // s02 writes the old placement "hoá"; the plain query highlights it as written.
        Assert.Contains("<mark>hoá</mark>", hit.Snippet);
        Assert.Equal("35/KH-UBND", hit.Number);
    }

    [Theory]
    [InlineData("\"gia đình văn hóa", "unbalanced quotes")]
    [InlineData("*", "cannot parse query")]
    [InlineData("(văn hóa", "unbalanced parentheses")]
    [InlineData("AND", "cannot parse query")]
    public void Bad_query_text_is_one_clear_line(string text, string reason)
    {
        var error = Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Text = text }));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_ten_thousand_character_query_is_refused()
    {
        var error = Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Text = string.Join(' ', Enumerable.Repeat("văn hóa", 1500)) }));

        Assert.Contains("the limit is", error.Message);
    }

    [Fact]
    public void Unknown_facets_and_filters_and_numbers_that_are_none_are_refused()
    {
        Assert.Contains("unknown facet 'colour'", Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Facets = ["colour"] })).Message);
        Assert.Contains("unknown filter 'colour'", Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Filters = [("colour", "red")] })).Message);
        Assert.Contains("not a year value", Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Filters = [("year", "20222")] })).Message);
        Assert.Contains("--cites", Assert.Throws<BadQueryException>(() => searcher.Search(new SearchRequest { Cites = "UBND" })).Message);
    }

    private List<string> Ids(string text) =>
        searcher.Search(new SearchRequest { Text = text, Limit = 100 }).Hits.Select(h => h.Id).Order().ToList();
}
