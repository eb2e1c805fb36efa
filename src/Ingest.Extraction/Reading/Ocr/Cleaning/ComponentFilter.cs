using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>
/// Removes what is not text from a binary page, judged by connected components measured against the
/// text's own stroke width and x-height:
/// specks — components too small to be a diacritic, a dot or a comma, or small and far from any letter
/// (Vietnamese marks and dots sit just above or below a letter, so nearness keeps them);
/// blobs — punched holes, staples and their shadows, copier edges: components larger than any glyph in
/// both directions, or solid ones bigger than a letter.
/// </summary>
internal static class ComponentFilter
{
    // A diacritic dot (the dot below ạ, the dot of i) or a period is about one stroke square or more;
    // fax specks are smaller. On the tune faxes 0.7 kept too many specks (5.3% CER), 1.1 began to
    // take real dots off the photocopies (0.9% → 1.5%).
    private const double MinDotAreaInStrokes = 0.9;

    // Marks, dots, commas and hyphens are at most about two strokes wide and tall.
    private const double SmallInStrokes = 2.2;

    // How far from a letter's box a small component may sit and still be taken for a mark: above a
    // capital a stacked circumflex and tone mark reach almost one x-height, the dot below half of one;
    // sideways a comma or period follows its word closely.
    private const double MarkReachUp = 0.9;
    private const double MarkReachDown = 0.5;
    private const double MarkReachSide = 0.3;

    // No glyph is this big in both directions (in x-heights), nor a letter this solid.
    private const double BlobInXHeights = 2.6;
    private const double SolidBlobInXHeights = 2.0;
    private const double SolidFill = 0.65;
    private const double MinBlobFill = 0.08;

    /// <summary>Removes the specks and blobs from <paramref name="binary"/> and counts what it removed.</summary>
    public static ComponentCounts Clean(PixHandle binary, PixaHandle pixa, IReadOnlyList<Component> components, TextMetrics metrics) =>
        Judge(binary, pixa, components, metrics, remove: true);

    /// <summary>Counts what <see cref="Clean"/> would remove, leaving the page as it is.</summary>
    public static ComponentCounts Count(PixHandle binary, PixaHandle pixa, IReadOnlyList<Component> components, TextMetrics metrics) =>
        Judge(binary, pixa, components, metrics, remove: false);

    private static ComponentCounts Judge(PixHandle binary, PixaHandle pixa, IReadOnlyList<Component> components, TextMetrics metrics, bool remove)
    {
        var pageWidth = Leptonica.Width(binary);
        var pageHeight = Leptonica.Height(binary);
        var s = Math.Max(1.0, metrics.StrokeWidth);
        var xh = Math.Max(4.0, metrics.XHeight);
        var small = Math.Max(2, (int)Math.Round(SmallInStrokes * s));
        var minDotArea = Math.Max(2, (int)(MinDotAreaInStrokes * s * s));
        var letterList = components.Where(c => IsLetterLike(c, xh, s)).ToList();
        var letters = new LetterIndex(letterList, xh);
        var textArea = TextArea(letterList);
        int specks = 0, visible = 0, blobs = 0;
        foreach (var c in components)
        {
            if (c.Width <= small && c.Height <= small)
            {
                if (c.Width * c.Height < minDotArea || PixelCount(pixa, c) < minDotArea
                    || !letters.AnyNear(c, (int)(MarkReachSide * xh), (int)(MarkReachUp * xh), (int)(MarkReachDown * xh)))
                {
                    Remove(binary, pixa, c, remove);
                    specks++;
                    // Specks of a pixel or two are what every scanner leaves; Tesseract ignores them itself.
                    if (c.Width * c.Height >= s * s)
                    {
                        visible++;
                    }
                }

                continue;
            }

            // A copier's dark edge or a shadow at the border: bigger than a letter and touching the edge of the scan.
            var atBorder = c.X == 0 || c.Y == 0 || c.Right >= pageWidth || c.Bottom >= pageHeight;
            if (atBorder && (c.Width > SolidBlobInXHeights * xh || c.Height > BlobInXHeights * xh))
            {
                Remove(binary, pixa, c, remove);
                blobs++;
                continue;
            }

            if (c.Width > SolidBlobInXHeights * xh && c.Height > SolidBlobInXHeights * xh)
            {
                var fill = (double)PixelCount(pixa, c) / ((long)c.Width * c.Height);
                // Staples and holes sit in the margins; a big open shape inside the text is more likely
                // letters run together with a stroke of the signature, and is left to the recogniser.
                var big = c.Width > BlobInXHeights * xh && c.Height > BlobInXHeights * xh && !Inside(textArea, c);
                if (fill >= SolidFill || big && fill >= MinBlobFill)
                {
                    Remove(binary, pixa, c, remove);
                    blobs++;
                }
            }
        }

        return new ComponentCounts(components.Count, letterList.Count, specks, visible, blobs);
    }

    /// <summary>The box holding nearly all letters (1st to 99th percentile on each side): the margins lie outside it.</summary>
    private static (int Left, int Top, int Right, int Bottom) TextArea(List<Component> letters)
    {
        if (letters.Count < 20)
        {
            return (0, 0, int.MaxValue, int.MaxValue);
        }

        int Percentile(IEnumerable<int> values, double p)
        {
            var sorted = values.Order().ToArray();
            return sorted[(int)(p * (sorted.Length - 1))];
        }

        return (Percentile(letters.Select(l => l.X), 0.01), Percentile(letters.Select(l => l.Y), 0.01),
                Percentile(letters.Select(l => l.Right), 0.99), Percentile(letters.Select(l => l.Bottom), 0.99));
    }

    private static bool Inside((int Left, int Top, int Right, int Bottom) area, Component c)
    {
        var (cx, cy) = (c.X + c.Width / 2, c.Y + c.Height / 2);
        return cx >= area.Left && cx <= area.Right && cy >= area.Top && cy <= area.Bottom;
    }

    private static bool IsLetterLike(Component c, double xh, double s) =>
        c.Height >= 0.5 * xh && c.Height <= 2.6 * xh && c.Width >= s && c.Width <= 4 * xh;

    private static int PixelCount(PixaHandle pixa, Component c)
    {
        using var pix = Leptonica.Checked(LeptonicaApi.pixaGetPix(pixa, c.Index, LeptonicaApi.CopyClone), "component");
        return Leptonica.CountPixels(pix);
    }

    private static void Remove(PixHandle binary, PixaHandle pixa, Component c, bool remove)
    {
        if (!remove)
        {
            return;
        }

        using var pix = Leptonica.Checked(LeptonicaApi.pixaGetPix(pixa, c.Index, LeptonicaApi.CopyClone), "component");
        Leptonica.Checked(LeptonicaApi.pixRasterop(binary, c.X, c.Y, c.Width, c.Height, LeptonicaApi.PixSubtract, pix, 0, 0), "speck removal");
    }
}

/// <summary>What the filter saw and removed: components, letter-like ones, specks (and of them the visible ones), blobs.</summary>
internal readonly record struct ComponentCounts(int Components, int Letters, int Specks, int VisibleSpecks, int Blobs);
