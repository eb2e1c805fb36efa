using System.Diagnostics;
using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Evaluation;

/// <summary>
/// Measures reading on hard scans (testdata/hard): per page the character errors of our OCR and of the
/// plain tesseract command against the page's NAME.txt, and on signature pages whether the signer's
/// title and name come out right (NAME.signer.txt: "title TAB name"). A folder with a manifest.tsv
/// whose header is <c>file level split</c> gives each page its level and split; a folder without one (testdata/scans)
/// counts its image scans as level "clean", split "existing".
/// </summary>
public sealed class HardScanEvaluation(DocumentReader reader, string languages)
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    private readonly TextNormalizer normalizer = new();
    private readonly FieldExtractor extractor = new();

    public static IReadOnlyList<HardPage> FindPages(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.tsv");
        if (!File.Exists(manifest) || !File.ReadLines(manifest).First().StartsWith("file\tlevel\tsplit", StringComparison.Ordinal))
        {
            return OcrEvaluation.FindPairs(folder)
                .Where(p => ImageExtensions.Contains(Path.GetExtension(p.Scan), StringComparer.OrdinalIgnoreCase))
                .Select(p => new HardPage(p.Scan, p.Truth, "clean", "existing"))
                .ToList();
        }

        return File.ReadAllLines(manifest).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 3)
            .Select(cells => new HardPage(Path.Combine(folder, cells[0]), Path.Combine(folder, Path.ChangeExtension(cells[0], ".txt")), cells[1], cells[2]))
            .Where(p => File.Exists(p.Scan) && File.Exists(p.Truth))
            .ToList();
    }

    public async Task<HardPageScore> ScoreAsync(HardPage page, bool withTesseract, CancellationToken cancellationToken)
    {
        var truth = await File.ReadAllTextAsync(page.Truth, cancellationToken).ConfigureAwait(false);
        var expected = ReadSigner(page.Scan);
        var clock = Stopwatch.StartNew();
        var read = await reader.ReadAsync(page.Scan, cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var ours = string.Join("\n", read.Pages.Select(p => p.Text));
        var reference = CharacterErrorRate.Canonical(truth);
        var score = new HardPageScore(page.File, page.Level, page.Split, reference.Length)
        {
            Errors = CharacterErrorRate.EditDistance(reference, CharacterErrorRate.Canonical(ours)),
            Seconds = seconds,
            Image = read.Pages.All(p => p.Image == PageImage.Cleaned) ? "cleaned" : read.Pages.Any(p => p.Image == PageImage.Cleaned) ? "mixed" : "raw",
            Seal = read.Pages.Any(p => p.Seal == true),
            ExpectedSigner = expected,
            Signer = expected is null ? null : SignerOf(string.Join("\n\f\n", read.Pages.Select(p => p.Text))),
        };
        if (!withTesseract)
        {
            return score;
        }

        clock.Restart();
        var theirs = await PlainTesseract.ReadAsync(page.Scan, languages, cancellationToken).ConfigureAwait(false);
        return score with
        {
            TesseractErrors = CharacterErrorRate.EditDistance(reference, CharacterErrorRate.Canonical(theirs)),
            TesseractSeconds = clock.Elapsed.TotalSeconds,
            TesseractSigner = expected is null ? null : SignerOf(theirs),
        };
    }

    private SignerInfo SignerOf(string text) =>
        extractor.Extract(normalizer.Normalize(text)).Signer ?? new SignerInfo(null, null, null);

    private static SignerInfo? ReadSigner(string scan)
    {
        var path = Path.ChangeExtension(scan, ".signer.txt");
        if (!File.Exists(path))
        {
            return null;
        }

        var cells = File.ReadAllText(path).Trim().Split('\t');
        return cells.Length == 2 ? new SignerInfo(null, cells[0], cells[1]) : null;
    }
}

/// <summary>A fixture page: the scan, its ground truth, its level (photocopy, fax, seal, clean) and split (tune, held-out, existing).</summary>
public sealed record HardPage(string Scan, string Truth, string Level, string Split)
{
    public string File => Path.GetFileName(Scan);
}

/// <summary>One page's result. Errors are character edits against the truth (after NFC and whitespace collapsing).</summary>
public sealed record HardPageScore(string File, string Level, string Split, int TruthCharacters)
{
    public int Errors { get; init; }

    public int? TesseractErrors { get; init; }

    public double Cer => TruthCharacters == 0 ? 0 : (double)Errors / TruthCharacters;

    public double? TesseractCer => TesseractErrors is { } e && TruthCharacters > 0 ? (double)e / TruthCharacters : null;

    public double Seconds { get; init; }

    public double? TesseractSeconds { get; init; }

    /// <summary>raw, cleaned or mixed: which image the pages were read from.</summary>
    public string Image { get; init; } = "raw";

    public bool Seal { get; init; }

    public SignerInfo? ExpectedSigner { get; init; }

    public SignerInfo? Signer { get; init; }

    public SignerInfo? TesseractSigner { get; init; }

    public bool? SignerRight => ExpectedSigner is null ? null : SignerMatches(ExpectedSigner, Signer);

    public bool? TesseractSignerRight => ExpectedSigner is null || TesseractSigner is null ? null : SignerMatches(ExpectedSigner, TesseractSigner);

    // Title and name must both be right, diacritics included; case and tone-mark placement are not judged (CONTRACT §1a).
    private static bool SignerMatches(SignerInfo expected, SignerInfo? actual) =>
        actual is not null && Same(expected.Title, actual.Title) && Same(expected.Name, actual.Name);

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null
        && string.Equals(ToneMarks.Canonicalize(a.Trim()), ToneMarks.Canonicalize(b.Trim()), StringComparison.OrdinalIgnoreCase);
}
