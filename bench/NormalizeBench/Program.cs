using System.Diagnostics;
using PlanIngest.Extraction.Text;

// Normalisation time of a 10-page document, against the OCR time it rides on (≈ 2 s/page here).
// Pages are the accent-stripped seeds (the expensive case: full repair), repeated to ten pages.
var seeds = args.Length > 0 ? args[0] : "testdata/seeds";
var damaged = Directory.GetFiles(seeds, "*.txt").Where(f => Path.GetFileName(f) is ['0', '0', '0' or '1' or '2', '_', ..]).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
if (damaged.Count == 0)
{
    Console.Error.WriteLine($"{seeds}: no accent-stripped seeds (000-002) found");
    return 1;
}

// A seed is 3-4 printed pages; split each on blank-line paragraphs into pages of about 45 lines.
var pages = damaged.SelectMany(text => text.Split('\n').Chunk(45).Select(lines => string.Join('\n', lines))).ToList();
var document = string.Join("\n\f\n", Enumerable.Range(0, 10).Select(i => pages[i % pages.Count]));
var normalizer = new TextNormalizer();

// Loading: the lexicon and phrase dictionary, built once per process from the embedded data.
var load = Stopwatch.StartNew();
normalizer.Process("Can cir Chi thi ctia Uy ban nhan dan tinh vé viéc phat dong phong trao thi dua yeu nuoc");
load.Stop();

// First sight of the document: every word's candidate syllables are searched for (later documents reuse them).
var cold = Stopwatch.StartNew();
var first = normalizer.Process(document);
cold.Stop();

var runs = new List<double>();
for (var i = 0; i < 20; i++)
{
    var warm = Stopwatch.StartNew();
    normalizer.Process(document);
    runs.Add(warm.Elapsed.TotalMilliseconds);
}

runs.Sort();
var median = runs[runs.Count / 2];
const double ocrSecondsPerPage = 2.0;
Console.WriteLine($"pages=10 chars={document.Length} changes={first.Changes.Count} repaired={first.Repaired}");
Console.WriteLine($"load_ms={load.Elapsed.TotalMilliseconds:F1} (once per process: lexicon and phrase dictionary)");
Console.WriteLine($"first_ms={cold.Elapsed.TotalMilliseconds:F1} (document seen for the first time)");
Console.WriteLine($"warm_median_ms={median:F1} warm_min_ms={runs[0]:F1} warm_max_ms={runs[^1]:F1}");
Console.WriteLine($"share_of_ocr_time={median / (10 * ocrSecondsPerPage * 1000):P2} (first sight {cold.Elapsed.TotalMilliseconds / (10 * ocrSecondsPerPage * 1000):P2}; budget 5%)");
return 0;
