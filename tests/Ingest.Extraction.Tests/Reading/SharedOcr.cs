using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Extraction.Tests.Reading;

/// <summary>One engine pool for all OCR tests: loading the model per test would dominate the suite's time.</summary>
public sealed class SharedOcr : IDisposable
{
    public SharedOcr()
    {
        Pool = new OcrEnginePool(OcrOptions.FromEnvironment());
        Reader = new DocumentReader(Pool);
    }

    public OcrEnginePool Pool { get; }

    public DocumentReader Reader { get; }

    public void Dispose() => Pool.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<SharedOcr>
{
    public const string Name = "ocr";
}
