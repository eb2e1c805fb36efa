using System.Diagnostics;
using System.Globalization;
using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Text;

// Extraction speed on text already read: 10-page plans assembled from the test plans and seeds (a plan
// of one to two pages is repeated and rotated until the text is ten pages of ~3,000 characters), each
// normalised once, then extracted; prints the median, 90th percentile and worst time per document.
const int PageChars = 3000;
const int Pages = 10;
var root = args.Length > 0 ? args[0] : FindRoot();
var documents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;

var sources = new[] { "testdata/plans/clean", "testdata/plans/stripped", "testdata/seeds" }
    .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.txt"))
    .OrderBy(f => f, StringComparer.Ordinal)
    .Select(File.ReadAllText)
    .ToArray();

var normalizer = new TextNormalizer();
var texts = Enumerable.Range(0, documents).Select(i =>
{
    // Start with one whole plan (its header), then append the others' bodies as further pages.
    var builder = new System.Text.StringBuilder(sources[i % sources.Length]);
    for (var k = 1; builder.Length < PageChars * Pages; k++)
    {
        builder.Append("\n\f\n").Append(sources[(i + k) % sources.Length]);
    }

    return normalizer.Normalize(builder.ToString());
}).ToArray();

var extractor = new FieldExtractor();
foreach (var text in texts.Take(20))
{
    extractor.Extract(text);
}

var times = new double[texts.Length];
for (var i = 0; i < texts.Length; i++)
{
    var watch = Stopwatch.StartNew();
    extractor.Extract(texts[i]);
    times[i] = watch.Elapsed.TotalMilliseconds;
}

Array.Sort(times);
var pages = texts.Average(t => t.Length) / PageChars;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"documents={texts.Length} pages≈{pages:F1} chars≈{texts.Average(t => t.Length):F0} median_ms={times[times.Length / 2]:F2} p90_ms={times[(int)(times.Length * 0.9)]:F2} max_ms={times[^1]:F2}"));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (Directory.Exists(Path.Combine(dir.FullName, "testdata", "plans")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("testdata/plans not found");
}
