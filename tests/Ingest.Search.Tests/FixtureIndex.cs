using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Search.Index;
using PlanIngest.Tests;

namespace PlanIngest.Search.Tests;

/// <summary>
/// A real Lucene index on disk of the search fixtures (testdata/search) and the five seeds, each read
/// and extracted by the real pipeline; built once for all the tests that search it.
/// </summary>
public sealed class FixtureIndex : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-search-");
    private readonly OcrEnginePool ocr = new(OcrOptions.FromEnvironment());

    public FixtureIndex()
    {
        var pipeline = ExtractionPipeline.Create(ocr);
        var files = Directory.GetFiles(RepoPaths.TestData("search"), "*.txt").Concat(Directory.GetFiles(RepoPaths.TestData("seeds"), "*.txt")).Order().ToList();
        var records = new Dictionary<string, DocumentRecord>();
        foreach (var file in files)
        {
            var record = pipeline.ProcessAsync(file).GetAwaiter().GetResult().Value ?? throw new InvalidOperationException($"{file} did not extract");
            records[record.Source.Sha256] = record;
        }

        Records = records;
        Index = DocumentIndex.OpenForWriting(Path.Combine(folder.FullName, "index"));
        var sequence = 0;
        foreach (var (id, record) in records)
        {
            Index.Upsert(new IndexedDocument(id, ++sequence, record));
        }

        Index.Commit("fixtures", sequence);
    }

    /// <summary>Every indexed record by id (its SHA-256).</summary>
    public IReadOnlyDictionary<string, DocumentRecord> Records { get; }

    public DocumentIndex Index { get; }

    /// <summary>The id of the fixture or seed whose file name starts with <paramref name="stem"/> ("s03", "000").</summary>
    public string Id(string stem) => Records.Single(r => Path.GetFileName(r.Value.Source.Path).StartsWith(stem + "_", StringComparison.Ordinal)).Key;

    public string Stem(string id) => Path.GetFileName(Records[id].Source.Path).Split('_')[0];

    public void Dispose()
    {
        Index.Dispose();
        ocr.Dispose();
        folder.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FixtureIndexCollection : ICollectionFixture<FixtureIndex>
{
    public const string Name = "fixture index";
}
