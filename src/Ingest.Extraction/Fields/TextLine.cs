namespace PlanIngest.Extraction.Fields;

/// <summary>One line of the document: its folded span and its original text.</summary>
internal sealed record TextLine(int Index, int Start, int End, string Folded, string Original)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Folded);

    public static IReadOnlyList<TextLine> Split(FoldedText text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        var folded = text.Folded;
        while (start <= folded.Length)
        {
            var end = folded.IndexOf('\n', start);
            if (end < 0)
            {
                end = folded.Length;
            }

            lines.Add(new TextLine(lines.Count, start, end, folded[start..end], text.Slice(start, end)));
            start = end + 1;
        }

        return lines;
    }
}
