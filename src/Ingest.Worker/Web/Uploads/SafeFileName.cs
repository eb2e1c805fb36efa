using System.Text;

namespace PlanIngest.Worker.Web.Uploads;

/// <summary>
/// A file name for the inbox made from what a browser says a file was called. The client's name is
/// data: only its last segment is kept (browsers on Windows may send <c>C:\…\kh.pdf</c>), every
/// character that is not a letter, digit, space or one of <c>. - _ ( )</c> becomes <c>_</c>, leading
/// dots go (a hidden file is ignored by the worker), and the length is capped well under the 255
/// bytes a file system allows. The extension is not the client's: it is set from the content.
/// </summary>
internal static class SafeFileName
{
    private const int MaxStemChars = 80;
    private const string Fallback = "tai-len";

    /// <summary>The stem (name without extension) to store under.</summary>
    public static string Stem(string? clientName)
    {
        var name = (clientName ?? string.Empty).Normalize(NormalizationForm.FormC).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var clean = new StringBuilder(stem.Length);
        foreach (var rune in stem.EnumerateRunes())
        {
            clean.Append(Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '.' or '-' or '_' or '(' or ')' ? rune.ToString() : "_");
        }

        var result = clean.ToString().Trim().TrimStart('.', '-', ' ');
        if (result.Length > MaxStemChars)
        {
            result = result[..MaxStemChars].TrimEnd();
            if (char.IsHighSurrogate(result[^1]))
            {
                result = result[..^1];
            }
        }

        return result.Trim('_').Length == 0 ? Fallback : result;
    }
}
