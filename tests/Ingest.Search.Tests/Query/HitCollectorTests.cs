using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanIngest.Extraction.Model;
using PlanIngest.Search.Facets;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Query;

/// <summary>
/// The searcher's own collector (top hits by score then id, facets counted per segment, from the matches or
/// from the segment's totals less the non-matches; a match-all query read off the id order) must answer
/// exactly as Lucene's <see cref="TopFieldCollector"/> on score and id with facets counted document by
/// document from the doc values: over an index of several segments with replaced and deleted documents,
/// many tied scores, queries matching almost everything, a few documents, or everything, and deep pages.
/// </summary>
public sealed class HitCollectorTests(HitCollectorTests.TestIndex fixture) : IClassFixture<HitCollectorTests.TestIndex>
{
    private static readonly string[] Facets = ["level", "year", "cites", "issuer", "doc_type"];

    public static TheoryData<string, string?, int, int> Requests => new()
    {
        { "", null, 0, 10 },
        { "", null, 95, 30 },
        { "", "2022", 0, 10 },
        { "kế hoạch", null, 0, 10 },
        { "ke hoach", null, 40, 25 },
        { "kế hoạch", null, 0, 300 },
        { "tiêm chủng", null, 0, 10 },
        { "\"phòng chống thiên tai\"", null, 3, 7 },
        { "tiem*", "2023", 0, 10 },
        { "thiên tai OR tiêm", null, 0, 0 },
        { "kế hoạch NOT dịch", "2021", 0, 50 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Answers_as_Lucenes_own_collector(string text, string? year, int offset, int limit)
    {
        var index = fixture.Index;
        var request = new SearchRequest { Text = text, Filters = year is null ? [] : [("year", year)], Facets = Facets, Offset = offset, Limit = limit, FacetLimit = 1000 };
        var actual = new PlanSearcher(index).Search(request);

        var (query, _) = QueryBuilder.Build(request);
        var searcher = index.Searchers.Acquire();
        try
        {
            var sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.IdOrder, SortFieldType.STRING));
            var top = TopFieldCollector.Create(sort, Math.Max(1, offset + limit), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            var counts = new FacetKeyCounter(Facets.Select(f => FacetDimension.Find(f)!).ToList());
            searcher.Search(query, MultiCollector.Wrap(top, counts));
            var expected = top.GetTopDocs();

            Assert.True(expected.TotalHits > 0);
            Assert.Equal(expected.TotalHits, actual.Total);
            var expectedHits = expected.ScoreDocs.Skip(offset).Take(limit).Select(s => (searcher.Doc(s.Doc).Get(IndexFields.Id), MathF.Round(s.Score, 4))).ToList();
            Assert.Equal(expectedHits, actual.Hits.Select(h => (h.Id, h.Score)).ToList());
            foreach (var facet in Facets)
            {
                var dimension = FacetDimension.Find(facet)!;
                var byKey = actual.Facets[facet].ToDictionary(v => dimension.KeyOf(v.Value)!, v => v.Count);
                Assert.Equal(counts.Counts[facet].OrderBy(p => p.Key, StringComparer.Ordinal), byKey.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void The_index_has_the_segments_its_commits_made()
    {
        var searcher = fixture.Index.Searchers.Acquire();
        try
        {
            // Six commits of new plans and one of replacements: seven segments, some with deletions.
            Assert.Equal(7, searcher.IndexReader.Leaves.Count);
            Assert.True(searcher.IndexReader.HasDeletions);
        }
        finally
        {
            fixture.Index.Searchers.Release(searcher);
        }
    }

    private static IndexedDocument Plan(string id, IssuerLevel level, int year, string topic, string[] cites) =>
        TestPlans.Plan(id, level, year, $"KẾ HOẠCH\n{topic} năm {year}\n" + string.Concat(cites.Select(c => $"Căn cứ Chỉ thị số {c};\n")) + $"Tổ chức {topic} trên địa bàn.\n", cites);

    /// <summary>One index for all the requests.</summary>
    public sealed class TestIndex : IDisposable
    {
        private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-collector-");

        public TestIndex() => Index = Build(Path.Combine(folder.FullName, "index"));

        public DocumentIndex Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            folder.Delete(recursive: true);
        }
    }

    // Six commits (six segments of unequal size), texts and years repeating so that scores tie; then replacements and deletions in old segments.
    private static DocumentIndex Build(string path)
    {
        string[] topics = ["phòng chống dịch bệnh và tiêm chủng", "phòng chống thiên tai", "tiêm chủng mở rộng", "kế hoạch chung", "thiên tai và tiêm chủng"];
        var index = DocumentIndex.OpenForWriting(path, slices: null, mergeSegments: false);
        var sequence = 0;
        for (var commit = 0; commit < 6; commit++)
        {
            for (var i = 0; i < 10 + commit * 9; i++)
            {
                var n = ++sequence;
                index.Upsert(Plan($"{n * 7919 % 1000:D4}-{n}", (IssuerLevel)(n % 3), 2021 + n % 3, topics[n % topics.Length], n % 4 == 0 ? ["13/CT-UBND"] : n % 5 == 0 ? [] : ["45-CT/TW", $"{n % 7}/KH-UBND"]));
            }

            index.Commit("catalog", sequence);
        }

        for (var n = 1; n < sequence; n += 13)
        {
            index.Upsert(Plan($"{n * 7919 % 1000:D4}-{n}", IssuerLevel.Commune, 2023, topics[2], ["05-CT/TW"]));
        }

        for (var n = 2; n < sequence; n += 17)
        {
            index.Delete($"{n * 7919 % 1000:D4}-{n}");
        }

        index.Commit("catalog", ++sequence);
        return index;
    }

    /// <summary>The reference: every match's facet values read from its doc values, counted by key.</summary>
    private sealed class FacetKeyCounter(IReadOnlyList<FacetDimension> dimensions) : ICollector
    {
        private SortedSetDocValues?[] values = [];

        public Dictionary<string, Dictionary<string, int>> Counts { get; } = dimensions.ToDictionary(d => d.Name, _ => new Dictionary<string, int>(StringComparer.Ordinal));

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) =>
            values = dimensions.Select(d => context.AtomicReader.GetSortedSetDocValues(d.CountField)).ToArray();

        public void Collect(int doc)
        {
            var bytes = new Lucene.Net.Util.BytesRef();
            for (var d = 0; d < dimensions.Count; d++)
            {
                if (values[d] is not { } docValues)
                {
                    continue;
                }

                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    docValues.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString().Split(FacetCounter.KeySeparator)[0];
                    var counts = Counts[dimensions[d].Name];
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
    }
}
