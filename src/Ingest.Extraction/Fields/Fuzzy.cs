namespace PlanIngest.Extraction.Fields;

/// <summary>Edit distance for matching OCR-damaged words against a vocabulary.</summary>
internal static class Fuzzy
{
    public static int Distance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    /// <summary>1 for equal strings, 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 1 : 1 - (double)Distance(a, b) / longest;
    }

    /// <summary>Close enough to be the same word read badly: short words must match exactly.</summary>
    public static bool IsNear(string read, string known, double maxShare = 0.25) =>
        read == known || (known.Length >= 5 && Distance(read, known) <= Math.Floor(known.Length * maxShare));
}
