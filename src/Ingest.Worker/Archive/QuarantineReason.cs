using System.Globalization;
using System.Text;

namespace PlanIngest.Worker.Archive;

/// <summary>What the <c>.reason.txt</c> beside a quarantined file says: what failed, when, after how many attempts, and the error.</summary>
public sealed record QuarantineReason(string Name, string? Sha256, string Stage, string Error, int Attempts, DateTimeOffset At)
{
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("file: ").Append(Printable(Name)).Append('\n');
        if (Sha256 is not null)
        {
            text.Append("sha256: ").Append(Sha256).Append('\n');
        }

        text.Append("failed: ").Append(Stage).Append('\n');
        text.Append("error: ").Append(Printable(Error)).Append('\n');
        text.Append("attempts: ").Append(Attempts.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("when: ").Append(At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    /// <summary>A name is data from outside: control characters are shown escaped so a reason file is always one line per field.</summary>
    public static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
