namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>Letter boxes bucketed on a grid of about one x-height, so "is any letter near this speck" is a few lookups.</summary>
internal sealed class LetterIndex
{
    private readonly int cell;
    private readonly Dictionary<(int, int), List<Component>> cells = new();

    public LetterIndex(IEnumerable<Component> letters, double xHeight)
    {
        cell = Math.Max(8, (int)xHeight);
        foreach (var letter in letters)
        {
            for (var cx = letter.X / cell; cx <= letter.Right / cell; cx++)
            {
                for (var cy = letter.Y / cell; cy <= letter.Bottom / cell; cy++)
                {
                    if (!cells.TryGetValue((cx, cy), out var list))
                    {
                        cells[(cx, cy)] = list = [];
                    }

                    list.Add(letter);
                }
            }
        }
    }

    /// <summary>Whether a letter's box, grown by the reaches given, overlaps the component's box.</summary>
    public bool AnyNear(Component c, int side, int up, int down)
    {
        // A mark above a letter lies up to `up` above the letter's top, so look that far below the mark, and vice versa.
        int left = c.X - side, right = c.Right + side, top = c.Y - down, bottom = c.Bottom + up;
        for (var cx = Math.Max(0, left) / cell; cx <= right / cell; cx++)
        {
            for (var cy = Math.Max(0, top) / cell; cy <= bottom / cell; cy++)
            {
                if (!cells.TryGetValue((cx, cy), out var list))
                {
                    continue;
                }

                foreach (var l in list)
                {
                    if (l.X - side <= c.Right && c.X <= l.Right + side && l.Y - up <= c.Bottom && c.Y <= l.Bottom + down)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
