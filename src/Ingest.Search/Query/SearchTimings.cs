using System.Diagnostics;

namespace PlanIngest.Search.Query;

/// <summary>
/// Where one search spent its time, phase by phase (the benchmark prints these; a caller that wants
/// them passes an instance to <see cref="PlanSearcher.Search(SearchRequest, SearchTimings?)"/>).
/// Counting facets happens inside <see cref="Collect"/>, in the same pass over the matches;
/// <see cref="Facets"/> is turning the counts into values.
/// </summary>
public sealed class SearchTimings
{
    private long mark = Stopwatch.GetTimestamp();

    /// <summary>Parsing the query, the OCR repair of its text, building filters.</summary>
    public TimeSpan Parse { get; private set; }

    /// <summary>Refreshing and acquiring the searcher (a new commit is opened and warmed here).</summary>
    public TimeSpan Acquire { get; private set; }

    /// <summary>Running the query over the index: scoring, the top hits, facet counting.</summary>
    public TimeSpan Collect { get; private set; }

    /// <summary>Counts turned into labelled, ordered facet values.</summary>
    public TimeSpan Facets { get; private set; }

    /// <summary>Stored fields of the hits returned.</summary>
    public TimeSpan Load { get; private set; }

    /// <summary>Snippets of the hits returned.</summary>
    public TimeSpan Snippets { get; private set; }

    public TimeSpan Total => Parse + Acquire + Collect + Facets + Load + Snippets;

    internal void Restart() => mark = Stopwatch.GetTimestamp();

    internal void EndParse() => Parse += Lap();

    internal void EndAcquire() => Acquire += Lap();

    internal void EndCollect() => Collect += Lap();

    internal void EndFacets() => Facets += Lap();

    internal void EndLoad() => Load += Lap();

    internal void EndSnippets() => Snippets += Lap();

    private TimeSpan Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(mark, now);
        mark = now;
        return elapsed;
    }
}
