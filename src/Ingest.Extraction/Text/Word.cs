namespace PlanIngest.Extraction.Text;

/// <summary>A word of the text under repair: where it is, what it may be, and what the repair chose.</summary>
internal sealed class Word(int line, WordToken token, SyllableCandidate[] candidates, string? readFolded)
{
    /// <summary>0-based line index.</summary>
    public int Line { get; } = line;

    public WordToken Token { get; } = token;

    /// <summary>Empty for a fixed word (number, code, abbreviation, unknown word): context, never changed.</summary>
    public SyllableCandidate[] Candidates { get; } = candidates;

    /// <summary>The word's own folded form when that is already a valid syllable.</summary>
    public string? ReadFolded { get; } = readFolded;

    public bool IsFixed => Candidates.Length == 0;

    /// <summary>The folded syllable decided on (for a fixed word: its context symbol).</summary>
    public string Chosen { get; set; } = readFolded ?? string.Empty;

    /// <summary>The accented spelling restored, lower case; null when the evidence was not enough.</summary>
    public string? Form { get; set; }

    public string? Evidence { get; set; }

    public static Word Fixed(int line, WordToken token, string context) => new(line, token, [], context) { Chosen = context };
}
