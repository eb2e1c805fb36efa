using System.Text.Json;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>The scores of one document.</summary>
public sealed record DocumentScore(string File, IReadOnlyList<FieldScore> Fields, string? Error);

/// <summary>The scores of a run: per field over all documents, and overall.</summary>
public sealed record EvaluationReport(IReadOnlyList<DocumentScore> Documents, IReadOnlyList<FieldScore> Fields)
{
    public FieldScore Overall => Fields.Aggregate(new FieldScore("overall", 0, 0, 0), (sum, f) => sum.Add(f with { Field = "overall" }));

    public double OverallF1 => Overall.F1 ?? 1.0;
}

/// <summary>
/// Runs the real pipeline on every input whose file stem has a gold record (GOLD_DIR/STEM.json, the
/// CONTRACT.md §1 JSON) and scores the fields with <see cref="FieldScorer"/>.
/// </summary>
public sealed class ExtractionEvaluation(ExtractionPipeline pipeline)
{
    public static IReadOnlyList<(string Input, string Gold)> FindPairs(string goldFolder, IEnumerable<string> inputs)
    {
        var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.EnumerateFiles(i) : File.Exists(i) ? [i] : []);
        return files
            .Select(f => (Input: f, Gold: Path.Combine(goldFolder, Path.GetFileNameWithoutExtension(f) + ".json")))
            .Where(p => File.Exists(p.Gold) && !p.Input.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Input, StringComparer.Ordinal)
            .ToList();
    }

    public static ExtractedFields LoadGold(string path) =>
        JsonSerializer.Deserialize<ExtractedFields>(File.ReadAllText(path), RecordJson.Options)
        ?? throw new JsonException($"{path}: empty gold record");

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
                // A file that cannot be read scores as extracting nothing: every gold value is missed.
                var result = await pipeline.ProcessAsync(input, ct).ConfigureAwait(false);
                documents[i] = new DocumentScore(Path.GetFileName(input), FieldScorer.Score(gold, result.Value?.Fields ?? ExtractedFields.Empty), result.Failure?.Reason);
            }).ConfigureAwait(false);

        var fields = FieldScorer.Fields
            .Select(name => documents.SelectMany(d => d.Fields).Where(f => f.Field == name)
                .Aggregate(new FieldScore(name, 0, 0, 0), (sum, f) => sum.Add(f)))
            .ToList();
        return new EvaluationReport(documents, fields);
    }
}
