namespace PlanIngest.Extraction.Text;

/// <summary>One repair: what was read, what it became and why.</summary>
/// <param name="Line">1-based line of the text as read.</param>
/// <param name="Original">The text as read.</param>
/// <param name="Replacement">What it was repaired to.</param>
/// <param name="Reason">Which rule or evidence made the change (see <see cref="ChangeReasons"/>).</param>
public sealed record TextChange(int Line, string Original, string Replacement, string Reason);

/// <summary>The reasons a <see cref="TextChange"/> gives.</summary>
public static class ChangeReasons
{
    public const string LegacyEncoding = "legacy-encoding";
    public const string Tcvn3Run = "tcvn3-run";
    public const string LegacyFont = "legacy-font";
    public const string HeadingNumeral = "heading-numeral";
    public const string NumberLabel = "number-label";
    public const string Symbol = "symbol";
    public const string MergedWords = "merged-words";
    public const string Confusion = "ocr-confusion";
    public const string Phrase = "phrase";
    public const string DominantForm = "dominant-form";
    public const string OnlyForm = "only-form";
    public const string PlaceName = "place-name";
    public const string Ligature = "ligature";
    public const string LookAlike = "look-alike";
}
