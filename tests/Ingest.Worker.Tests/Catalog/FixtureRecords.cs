using PlanIngest.Extraction;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Ocr;
using PlanIngest.Tests;

namespace PlanIngest.Worker.Tests.Catalog;

/// <summary>The search fixtures (testdata/search) read and extracted by the real pipeline, once for the catalog tests.</summary>
public sealed class FixtureRecords : IDisposable
{
    private readonly OcrEnginePool ocr = new(OcrOptions.FromEnvironment());

    public FixtureRecords()
    {
        Pipeline = ExtractionPipeline.Create(ocr);
        Records = Directory.GetFiles(RepoPaths.TestData("search"), "*.txt").Order()
            .ToDictionary(f => Path.GetFileName(f)[..3], f => Pipeline.ProcessAsync(f).GetAwaiter().GetResult().Value!);
    }

    public ExtractionPipeline Pipeline { get; }

    /// <summary>By the fixture's stem: "s01" … "s08".</summary>
    public IReadOnlyDictionary<string, DocumentRecord> Records { get; }

    public void Dispose() => ocr.Dispose();
}

[CollectionDefinition(Name)]
public sealed class FixtureRecordsCollection : ICollectionFixture<FixtureRecords>
{
    public const string Name = "fixture records";
}
