using System.Text.Json;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>The scores of one document; <paramref name="Record"/> is what was extracted (null when reading failed).</summary>
public sealed record DocumentScore(string File, IReadOnlyList<FieldScore> Fields, string? Error, ExtractedFields? Record = null)
{
    public FieldScore Overall => Fields.Aggregate(new FieldScore("overall", 0, 0, 0), (sum, f) => sum.Add(f with { Field = "overall" }));
}

/// <summary>The scores of a run: per field over all documents, and overall.</summary>
public sealed record EvaluationReport(IReadOnlyList<DocumentScore> Documents, IReadOnlyList<FieldScore> Fields)
{
    public FieldScore Overall => Fields.Aggregate(new FieldScore("overall", 0, 0, 0), (sum, f) => sum.Add(f with { Field = "overall" }));

    public double OverallF1 => Overall.F1 ?? 1.0;

    public FieldScore Field(string name) => Fields.Single(f => f.Field == name);
}

/// <summary>
/// Runs the real pipeline on every input whose file stem has a gold record (GOLD_DIR/STEM.json, the
/// CONTRACT.md §1 JSON) and scores the fields with <see cref="FieldScorer"/>. An input that is itself a
/// <c>.json</c> record (a line of <c>extract --json</c>, kept from an earlier run) is scored as it stands,
/// so that a first run can be scored again by a later scorer without running a later extractor.
/// </summary>
public sealed class ExtractionEvaluation(ExtractionPipeline pipeline)
{
    public static IReadOnlyList<(string Input, string Gold)> FindPairs(string goldFolder, IEnumerable<string> inputs)
    {
        var goldFull = Path.GetFullPath(goldFolder);
        var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.EnumerateFiles(i) : File.Exists(i) ? [i] : []);
        return files
            .Where(f => !IsRecord(f) || Path.GetFullPath(Path.GetDirectoryName(f)!) != goldFull)
            .Select(f => (Input: f, Gold: Path.Combine(goldFolder, Path.GetFileNameWithoutExtension(f) + ".json")))
            .Where(p => File.Exists(p.Gold))
            .OrderBy(p => p.Input, StringComparer.Ordinal)
            .ToList();
    }

    public static ExtractedFields LoadGold(string path) =>
        JsonSerializer.Deserialize<ExtractedFields>(File.ReadAllText(path), RecordJson.Options)
        ?? throw new JsonException($"{path}: empty gold record");

    /// <summary>The fields of a record printed by <c>extract --json</c> (source, pages and warnings dropped).</summary>
    public static ExtractedFields LoadRecord(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException($"{path}: empty record");
        foreach (var name in new[] { "source", "pages", "warnings" })
        {
            node.Remove(name);
        }

        return node.Deserialize<ExtractedFields>(RecordJson.Options) ?? throw new JsonException($"{path}: empty record");
    }

    public async Task<EvaluationReport> RunAsync(IReadOnlyList<(string Input, string Gold)> pairs, int parallelism, CancellationToken cancellationToken)
    {
        var documents = new DocumentScore[pairs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pairs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (input, goldPath) = pairs[i];
                var gold = LoadGold(goldPath);
                var (fields, error) = IsRecord(input) ? ReadRecord(input) : await ExtractAsync(input, ct).ConfigureAwait(false);
                // A file that cannot be read scores as extracting nothing: every gold value is missed.
                documents[i] = new DocumentScore(Path.GetFileName(input), FieldScorer.Score(gold, fields ?? ExtractedFields.Empty), error, fields);
            }).ConfigureAwait(false);

        return Summarise(documents);
    }

    private async Task<(ExtractedFields? Fields, string? Error)> ExtractAsync(string input, CancellationToken cancellationToken)
    {
        var result = await pipeline.ProcessAsync(input, cancellationToken).ConfigureAwait(false);
        return (result.Value?.Fields, result.Failure?.Reason);
    }

    private static (ExtractedFields? Fields, string? Error) ReadRecord(string input)
    {
        try
        {
            return (LoadRecord(input), null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    public static EvaluationReport Summarise(IReadOnlyList<DocumentScore> documents)
    {
        var fields = FieldScorer.Fields
            .Select(name => documents.SelectMany(d => d.Fields).Where(f => f.Field == name)
                .Aggregate(new FieldScore(name, 0, 0, 0), (sum, f) => sum.Add(f)))
            .ToList();
        return new EvaluationReport(documents, fields);
    }

    private static bool IsRecord(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
