using System.Diagnostics;
using System.Globalization;
using PlanIngest.Bench;
using PlanIngest.Search.Index;
using PlanIngest.Search.Query;
using PlanIngest.Worker.Catalog;

// Search benchmark (issue 8). Not a test: it prints numbers.
//   generate DIR COUNT [SEED]   a data folder of COUNT generated plans: catalog.db written in batches,
//                               then index/ built from the catalog (text already extracted); rates and sizes
//   index DIR                   index/ rebuilt from the folder's catalog (as after a schema change); rate and size
//   search DIR [ROUNDS [SLICES]] latency of a fixed query mix, each query counting three facets; SLICES forces
//                               how many slices of segments a query searches at once (default: one)
//   profile DIR [ROUNDS]        process CPU per query with parts left out (facets, hits)
//   answers DIR FILE [COUNT]    the full answers of COUNT (200) varied searches, one JSON line each: compare
//                               the files of two builds to show that a change to the search changed no answer
//   run DIR COUNT               both
// The folder is an ordinary data folder: `planingest search --data DIR` and the web page can use it.
var command = args.Length > 0 ? args[0] : "run";
switch (command)
{
    case "generate":
        await Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8);
        break;
    case "index":
        await BuildIndex(args[1]);
        break;
    case "search":
        Search(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null);
        break;
    case "profile":
        Profile(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        break;
    case "answers":
        Answers(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200);
        break;
    case "merge":
        Merge(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    case "run":
        await Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), 8);
        Search(args[1], 20, null);
        break;
    default:
        Console.Error.WriteLine("usage: SearchBench generate DIR COUNT [SEED] | index DIR | search DIR [ROUNDS] | profile DIR [ROUNDS] | answers DIR FILE [COUNT] | run DIR COUNT");
        return 2;
}

return 0;

static async Task Generate(string root, int count, int seed)
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }

    var folder = DataFolder.At(root);
    var generator = new PlanGenerator(seed);
    var clock = Stopwatch.StartNew();
    long textChars = 0;
    using (var catalog = SqliteCatalog.Open(folder.CatalogPath))
    {
        const int batch = 1000;
        for (var start = 0; start < count; start += batch)
        {
            var records = Enumerable.Range(start, Math.Min(batch, count - start)).Select(generator.Next).ToList();
            textChars += records.Sum(r => r.Pages.Sum(p => (long)p.Text.Length));
            await catalog.CommitAsync(records);
        }
    }

    var catalogSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"documents={count} mean_text_chars={textChars / count} catalog_write_s={catalogSeconds:F1} catalog_rate={count / catalogSeconds:F0}/s (generation included) catalog_bytes={new FileInfo(folder.CatalogPath).Length}");
    await BuildIndex(root);
}

// The index is rebuilt from the catalog alone: the text is already extracted, so this is analysis and writing.
static async Task BuildIndex(string root)
{
    var folder = DataFolder.At(root);
    if (!File.Exists(folder.CatalogPath))
    {
        throw new InvalidOperationException("no catalog in " + root);
    }

    // The catalog and index opened on their own: a data store would first catch the index up (all of it, unmeasured).
    using var catalog = SqliteCatalog.Open(folder.CatalogPath);
    var process = Process.GetCurrentProcess();
    var startCpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    int indexed;
    using (var index = DocumentIndex.OpenForWriting(folder.IndexPath))
    {
        indexed = await new IndexFeed(catalog, index).RebuildAsync();
    }

    var indexSeconds = clock.Elapsed.TotalSeconds;
    process.Refresh();
    // CPU seconds of the whole process (analysis threads, merges, GC): on a machine others keep busy the wall-clock
    // rate says little; documents per CPU second times the cores bounds the rate the machine would give alone.
    var cpuSeconds = (process.TotalProcessorTime - startCpu).TotalSeconds;
    var bytes = new DirectoryInfo(folder.IndexPath).EnumerateFiles().Sum(f => f.Length);
    Console.WriteLine($"indexed={indexed} index_s={indexSeconds:F1} index_rate={indexed / indexSeconds:F0} docs/s cpu_s={cpuSeconds:F1} docs_per_cpu_s={indexed / cpuSeconds:F0} " +
        $"(x{Environment.ProcessorCount} cores: at most {indexed / cpuSeconds * Environment.ProcessorCount:F0} docs/s alone) index_bytes={bytes} ({bytes / (1024.0 * 1024):F0} MiB) ({Load.Average()})");
}

// Force-merges the folder's index to at most N segments (what a search costs per segment: SearchBench profile before and after).
static void Merge(string root, int segments)
{
    var clock = Stopwatch.StartNew();
    using var index = DocumentIndex.OpenForWriting(DataFolder.At(root).IndexPath);
    index.ForceMerge(segments);
    Console.WriteLine($"merge {root}: at most {segments} segments in {clock.Elapsed.TotalSeconds:F1} s ({Load.Average()})");
}

static void Search(string root, int rounds, int? slices)
{
    using var index = Open(root, slices);
    var searcher = new PlanSearcher(index);
    var mix = QueryMix.WithFacets(QueryMix.BenchFacets);
    Console.WriteLine($"search {root} documents={index.Count} slices={Slices(index)} ({Load.Average()})");

    // Warm up: JIT, and the index pages into the OS cache.
    var totals = new int[mix.Length];
    for (var w = 0; w < 3; w++)
    {
        for (var q = 0; q < mix.Length; q++)
        {
            totals[q] = searcher.Search(mix[q]).Total;
        }
    }

    var samples = new List<double>();
    var cpu = new List<double>();
    var perQuery = mix.Select(_ => new List<double>()).ToArray();
    var perQueryCpu = mix.Select(_ => new List<double>()).ToArray();
    var phases = mix.Select(_ => new List<SearchTimings>()).ToArray();
    for (var r = 0; r < rounds; r++)
    {
        for (var q = 0; q < mix.Length; q++)
        {
            var timings = new SearchTimings();
            var startCpu = CpuClock.Process();
            var clock = Stopwatch.StartNew();
            searcher.Search(mix[q], timings);
            var ms = clock.Elapsed.TotalMilliseconds;
            var cpuMs = (CpuClock.Process() - startCpu).TotalMilliseconds;
            samples.Add(ms);
            cpu.Add(cpuMs);
            perQuery[q].Add(ms);
            perQueryCpu[q].Add(cpuMs);
            phases[q].Add(timings);
        }
    }

    Console.WriteLine($"  {"query (3 facets, 10 hits with snippets)",-58} {"total",7} {"median",7} {"p95",7} {"cpu",6} | medians ms: parse acquire collect facets load snippets");
    for (var q = 0; q < mix.Length; q++)
    {
        var p = phases[q];
        Console.WriteLine($"  {QueryMix.Label(mix[q]),-58} {totals[q],7} {Percentile(perQuery[q], 50),7:F2} {Percentile(perQuery[q], 95),7:F2} {Percentile(perQueryCpu[q], 50),6:F2} | " +
            $"{Median(p, t => t.Parse),5:F2} {Median(p, t => t.Acquire),7:F2} {Median(p, t => t.Collect),7:F2} {Median(p, t => t.Facets),6:F2} {Median(p, t => t.Load),4:F2} {Median(p, t => t.Snippets),8:F2}");
    }

    Console.WriteLine($"search queries={samples.Count} facets=3 median_ms={Percentile(samples, 50):F2} p95_ms={Percentile(samples, 95):F2} max_ms={samples.Max():F2} cpu_median_ms={Percentile(cpu, 50):F2} cpu_p95_ms={Percentile(cpu, 95):F2} ({Load.Average()})");
}

static void Answers(string root, string file, int count)
{
    using var index = Open(root, null);
    using var output = new StreamWriter(file);
    AnswerSet.Write(new PlanSearcher(index), AnswerSet.Requests(count), output);
}

// Where the time goes, by leaving parts out: no facets, no hits (so no stored fields or snippets), neither;
// process CPU time, which a busy machine inflates far less than wall time.
static void Profile(string root, int rounds)
{
    using var index = Open(root, null);
    var searcher = new PlanSearcher(index);
    (string Name, Func<SearchRequest, SearchRequest> Shape)[] variants =
    [
        ("full", r => r with { Facets = QueryMix.BenchFacets }),
        ("7facets", r => r with { Facets = QueryMix.AllFacets }),
        ("nofacets", r => r),
        ("nohits", r => r with { Facets = QueryMix.BenchFacets, Limit = 0 }),
        ("bare", r => r with { Limit = 0 }),
    ];
    foreach (var (_, shape) in variants)
    {
        foreach (var q in QueryMix.Requests)
        {
            searcher.Search(shape(q));
            searcher.Search(shape(q));
        }
    }

    var cpu = variants.Select(_ => QueryMix.Requests.Select(_ => new List<double>()).ToArray()).ToArray();
    for (var r = 0; r < rounds; r++)
    {
        for (var v = 0; v < variants.Length; v++)
        {
            for (var q = 0; q < QueryMix.Requests.Count; q++)
            {
                var request = variants[v].Shape(QueryMix.Requests[q]);
                var start = CpuClock.Process();
                searcher.Search(request);
                cpu[v][q].Add((CpuClock.Process() - start).TotalMilliseconds);
            }
        }
    }

    Console.WriteLine($"profile {root}: process CPU ms, medians of {rounds} ({Load.Average()})");
    Console.WriteLine($"{"query",-58} " + string.Join(" ", variants.Select(v => $"{v.Name,9}")));
    for (var q = 0; q < QueryMix.Requests.Count; q++)
    {
        Console.WriteLine($"{QueryMix.Label(QueryMix.Requests[q]),-58} " + string.Join(" ", cpu.Select(v => $"{Percentile(v[q], 50),9:F2}")));
    }

    Console.WriteLine($"{"all (median)",-58} " + string.Join(" ", cpu.Select(v => $"{Percentile(v.SelectMany(x => x).ToList(), 50),9:F2}")));
    // What a server answering the mix spends per request on average (the web benchmark's cpu_ms_per_req).
    Console.WriteLine($"{"all (mean of the per-query medians)",-58} " + string.Join(" ", cpu.Select(v => $"{v.Average(x => Percentile(x, 50)),9:F2}")));
}

// A read-only open does not rebuild: an index of an older schema would be measured without what changed.
static DocumentIndex Open(string root, int? slices)
{
    var index = DocumentIndex.OpenForReading(DataFolder.At(root).IndexPath, slices) ?? throw new InvalidOperationException("no index in " + root);
    if (index.Committed.Schema != IndexState.Empty.Schema)
    {
        index.Dispose();
        throw new InvalidOperationException($"{root}: index schema {index.Committed.Schema}, not {IndexState.Empty.Schema}: rebuild it (SearchBench index {root})");
    }

    return index;
}

static int Slices(DocumentIndex index)
{
    var searcher = (PlanIndexSearcher)index.Searchers.Acquire();
    try
    {
        return searcher.Slices.Count;
    }
    finally
    {
        index.Searchers.Release(searcher);
    }
}

static double Median(List<SearchTimings> timings, Func<SearchTimings, TimeSpan> phase) => Percentile(timings.Select(t => phase(t).TotalMilliseconds).ToList(), 50);

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}
