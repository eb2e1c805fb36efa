namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>
/// The size of the page's text, in pixels: stroke width and x-height. Speck and blob limits are set from
/// these, so the same rules hold for 10-point and 14-point type, at any resolution.
/// </summary>
/// <param name="StrokeWidth">Typical stroke thickness.</param>
/// <param name="XHeight">Typical height of a lower-case letter without ascender (a, c, e, m, n, o, u).</param>
internal sealed record TextMetrics(double StrokeWidth, double XHeight)
{
    /// <summary>
    /// Estimates the x-height as the most common component height among letter-sized components;
    /// lower-case letters without ascenders or descenders outnumber every other shape in running text.
    /// </summary>
    public static TextMetrics Measure(IReadOnlyList<Component> components, double strokeWidth, int dpi)
    {
        // 10-14 pt type at the working resolution, as a fallback for a page with too little text to measure.
        var fallback = 0.22 * (dpi > 0 ? dpi : 300) / 72 * 11;
        var minHeight = Math.Max(4, (int)(2.5 * strokeWidth));
        var maxHeight = (int)(fallback * 3);
        var histogram = new int[maxHeight + 2];
        var letters = 0;
        foreach (var c in components)
        {
            if (c.Height >= minHeight && c.Height <= maxHeight && c.Width >= strokeWidth && c.Width <= 3 * c.Height)
            {
                histogram[c.Height]++;
                letters++;
            }
        }

        if (letters < 50)
        {
            return new TextMetrics(strokeWidth, fallback);
        }

        // The mode over a window of three heights: antialiasing and skew spread one letter size over neighbours.
        var best = minHeight;
        var bestCount = -1;
        for (var h = minHeight; h <= maxHeight; h++)
        {
            var count = histogram[h - 1] + histogram[h] + histogram[h + 1];
            if (count > bestCount)
            {
                bestCount = count;
                best = h;
            }
        }

        return new TextMetrics(strokeWidth, best);
    }
}
