namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>
/// Where the strongly red pixels of a page lie, to tell a seal (a round stamp 2-6 cm across) from red
/// headings or specks of colour noise: a seal is a dense, roughly square cluster.
/// </summary>
internal sealed class InkCount(int width, int height)
{
    // A 35-42 mm seal ring with its lettering covers about 0.2% of an A4 page even when faint.
    private const double MinSealShare = 0.0008;
    private const double MinSealMillimetres = 18;
    private const double MaxSealMillimetres = 70;

    private readonly int[] columns = new int[width];
    private readonly int[] rows = new int[height];

    public long Red { get; private set; }

    public long Blue { get; set; }

    public void AddRed(int x, int y)
    {
        Red++;
        columns[x]++;
        rows[y]++;
    }

    /// <summary>Whether the red ink forms a seal at the page's resolution (dpi; 0 when unknown, taken as 300).</summary>
    public bool LooksLikeSeal(int dpi)
    {
        if (Red < MinSealShare * width * height)
        {
            return false;
        }

        var pixelsPerMm = (dpi > 0 ? dpi : 300) / 25.4;
        var across = Spread(columns) / pixelsPerMm;
        var down = Spread(rows) / pixelsPerMm;
        return across is >= MinSealMillimetres and <= MaxSealMillimetres
            && down is >= MinSealMillimetres and <= MaxSealMillimetres
            && Math.Max(across, down) <= 1.6 * Math.Min(across, down);
    }

    // The extent holding the middle 96% of the red pixels, so stray red specks elsewhere do not count.
    private double Spread(int[] histogram)
    {
        long seen = 0;
        int low = -1, high = -1;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (low < 0 && seen >= Red * 0.02)
            {
                low = i;
            }

            if (high < 0 && seen >= Red * 0.98)
            {
                high = i;
            }
        }

        return high - low + 1;
    }
}
