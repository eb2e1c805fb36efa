using System.Collections.Concurrent;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>
/// Recognises pages in parallel, one loaded engine per concurrent page. Engines are created on
/// first need and kept for the life of the pool, so a long run pays the model load once per engine.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly OcrOptions options;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<OcrEngine> idle = new();
    private readonly ConcurrentBag<OcrEngine> all = new();

    public OcrEnginePool(OcrOptions options)
    {
        this.options = options;
        slots = new SemaphoreSlim(Math.Max(1, options.MaxParallelPages));
    }

    public OcrOptions Options => options;

    /// <summary>Decodes a page with <paramref name="decode"/> and recognises it, once an engine is free.</summary>
    internal async Task<OcrPageResult> RecognizeAsync(Func<PixHandle> decode, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Decoding happens inside the slot so that at most one decoded page per engine is held in memory.
            return await Task.Run(
                () =>
                {
                    var engine = Lease();
                    try
                    {
                        using var page = decode();
                        return engine.Recognize(page, options.PageTimeLimit, cancellationToken);
                    }
                    finally
                    {
                        idle.Add(engine);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var engine in all)
        {
            engine.Dispose();
        }

        slots.Dispose();
    }

    private OcrEngine Lease()
    {
        if (idle.TryTake(out var engine))
        {
            return engine;
        }

        engine = OcrEngine.Create(options);
        all.Add(engine);
        return engine;
    }
}
