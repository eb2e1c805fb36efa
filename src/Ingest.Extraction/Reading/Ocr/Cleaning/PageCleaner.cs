using System.Globalization;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>
/// Cleans a scanned page before recognition, with Leptonica: coloured ink dropped, low resolution
/// scaled up, background normalised, binarised, straightened, specks and blobs removed. Returns null
/// for a page that needs none of it (full resolution, no coloured ink, no blob, few visible specks):
/// such a page is read exactly as scanned.
/// </summary>
internal sealed class PageCleaner
{
    /// <summary>Tesseract's LSTM models are trained on text of about this resolution.</summary>
    public const int WorkingDpi = 300;

    // A scan whose stated resolution is outside this range has a wrong or missing tag; it is left at its size.
    private const int MinTrustedDpi = 100;

    // Background normalisation: tiles of about 1.7 mm, background mapped to 200 (Leptonica's defaults
    // for the simple variant); then text is what is darker than 145, about 72% of the background.
    // Tuned on the tune pages of testdata/hard: 130-160 read the photocopies within 0.3 points of
    // each other; from 170 bleed-through from the back of the sheet starts to come in as text.
    private const int BackgroundValue = 200;
    private const int ForegroundThreshold = 100;
    private const int MinBackgroundCount = 40;
    private const int Threshold = 145;

    // A 1-bit page scaled up is interpolated between black and white: its edges lie at half the background.
    private const int BinaryInputThreshold = BackgroundValue / 2;

    // Below this share of the page in red or blue, colour is JPEG noise or a coloured letterhead detail.
    private const double MinColouredInkShare = 0.0005;

    // A page at full resolution, without coloured ink, with fewer visible specks than this per letter
    // and no blob is read as scanned: Tesseract reads such a page at least as well as our binarisation
    // of it (003-p*.png, 003-p6.jpg: cleaning them cost 0.1-0.2 points of CER).
    private const double DirtyAtVisibleSpecksPerLetter = 0.03;

    // The quick look (stroke width from a band of the page, nothing removed) settles that a page is clean
    // only with a margin: no blob and at most half the visible specks that make a page dirty; anything
    // closer is looked at again with the whole page's stroke width, as before. Every page of testdata/scans
    // and testdata/hard gets the same verdict either way (README, issue 9 scans).
    private const double ClearlyCleanVisibleSpecksPerLetter = DirtyAtVisibleSpecksPerLetter / 2;

    // A band with less ink than this (a blank middle of the page) is too little text to measure strokes on.
    private const double MinBandInkShare = 0.01;

    private readonly string? dumpFolder = Environment.GetEnvironmentVariable("PLANINGEST_CLEANING_DUMP");

    public CleanedPage? Clean(PixHandle page)
    {
        var steps = new List<string>();
        var depth = Leptonica.Depth(page);
        var dpi = Leptonica.Resolution(page);
        var trusted = dpi is >= MinTrustedDpi and <= 1200;
        var scale = trusted && dpi < WorkingDpi ? (float)WorkingDpi / dpi : 1f;

        var seal = false;
        var colouredInk = false;
        PixHandle? grey = null;
        if (depth == 32)
        {
            var (dropped, ink) = InkColourFilter.DropColouredInk(page);
            grey = dropped;
            seal = ink.LooksLikeSeal(dpi);
            colouredInk = ink.Red + ink.Blue >= MinColouredInkShare * Leptonica.Width(page) * Leptonica.Height(page);
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"colour: red {ink.Red} px, blue {ink.Blue} px{(seal ? ", seal" : string.Empty)}"));
        }
        else if (depth != 1 || scale != 1f)
        {
            grey = Leptonica.ToGrey(page);
        }

        // A 1-bit page at full resolution is already binary: only specks, blobs and skew can be wrong with it.
        var alreadyBinary = grey is null;
        var binary = grey is null ? Leptonica.Copy(page) : Binarise(grey, scale, dpi, depth, steps);
        grey?.Dispose();
        try
        {
            // Only specks and blobs can still make this page dirty: a quick look may settle that it is clean.
            var counts = RemoveNonText(binary, steps, mayReadAsScanned: scale == 1f && !colouredInk);
            var dirty = counts is { } found && (scale != 1f || colouredInk || found.Blobs > 0 || found.VisibleSpecks >= DirtyAtVisibleSpecksPerLetter * found.Letters);
            if (!dirty)
            {
                binary.Dispose();
                return null;
            }

            if (alreadyBinary && Skew.Correction(binary) is { } radians)
            {
                var rotated = Skew.Rotate(binary, radians);
                binary.Dispose();
                binary = rotated;
                steps.Add(string.Create(CultureInfo.InvariantCulture, $"deskewed {radians * 180 / Math.PI:0.0}°"));
            }

            Dump(binary, steps);
            return new CleanedPage(binary, seal, steps);
        }
        catch
        {
            binary.Dispose();
            throw;
        }
    }

    /// <summary>Grey page → scaled to the working resolution, background normalised, thresholded, straightened.</summary>
    private static PixHandle Binarise(PixHandle grey, float scale, int dpi, int depth, List<string> steps)
    {
        using var scaled = scale != 1f ? Leptonica.Checked(LeptonicaApi.pixScale(grey, scale, scale), "scale") : null;
        if (scaled is not null)
        {
            Leptonica.SetResolution(scaled, WorkingDpi);
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"scaled {scale:0.00}"));
        }

        var threshold = depth == 1 ? BinaryInputThreshold : Threshold;
        using var normalised = Normalise(scaled ?? grey);
        var binary = Leptonica.Checked(LeptonicaApi.pixThresholdToBinary(normalised, threshold), "binarise");
        if (Skew.Correction(binary) is { } radians)
        {
            // Rotating the grey image and thresholding again keeps the strokes smoother than rotating the binary one.
            using var rotated = Skew.Rotate(normalised, radians);
            binary.Dispose();
            binary = Leptonica.Checked(LeptonicaApi.pixThresholdToBinary(rotated, threshold), "binarise");
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"deskewed {radians * 180 / Math.PI:0.0}°"));
        }

        var resolution = scaled is null ? dpi : WorkingDpi;
        LeptonicaApi.pixSetResolution(binary, resolution, resolution);
        return binary;
    }

    private static PixHandle Normalise(PixHandle grey)
    {
        var dpi = Math.Max(MinTrustedDpi, Leptonica.Resolution(grey));
        var tile = Math.Max(8, dpi / 15);
        return Leptonica.Checked(
            LeptonicaApi.pixBackgroundNorm(grey, IntPtr.Zero, IntPtr.Zero, tile, tile, ForegroundThreshold, MinBackgroundCount, BackgroundValue, 2, 1),
            "background normalisation");
    }

    /// <summary>
    /// Removes specks and blobs from the binary page and counts them; null when <paramref name="mayReadAsScanned"/>
    /// and a quick look finds the page clearly clean (nothing is removed then: the page is read as scanned).
    /// </summary>
    private static ComponentCounts? RemoveNonText(PixHandle binary, List<string> steps, bool mayReadAsScanned)
    {
        var boxa = LeptonicaApi.pixConnComp(binary, out var pixaPointer, 8);
        LeptonicaApi.boxaDestroy(ref boxa);
        using var pixa = new PixaHandle(pixaPointer);
        if (pixa.IsInvalid)
        {
            throw new OcrPageException("image connected components failed");
        }

        var count = LeptonicaApi.pixaGetCount(pixa);
        var components = new List<Component>(count);
        for (var i = 0; i < count; i++)
        {
            LeptonicaApi.pixaGetBoxGeometry(pixa, i, out var x, out var y, out var w, out var h);
            components.Add(new Component(i, x, y, w, h));
        }

        var dpi = Leptonica.Resolution(binary);
        if (mayReadAsScanned && BandStrokeWidth(binary) is { } estimate)
        {
            var quick = ComponentFilter.Count(binary, pixa, components, TextMetrics.Measure(components, estimate, dpi));
            if (quick.Blobs == 0 && quick.VisibleSpecks < ClearlyCleanVisibleSpecksPerLetter * quick.Letters)
            {
                return null;
            }
        }

        Leptonica.Checked(LeptonicaApi.pixFindStrokeWidth(binary, 0.1f, IntPtr.Zero, out var stroke, IntPtr.Zero), "stroke width");
        var metrics = TextMetrics.Measure(components, stroke, dpi);
        var counts = ComponentFilter.Clean(binary, pixa, components, metrics);
        steps.Add(string.Create(CultureInfo.InvariantCulture,
            $"stroke {stroke:0.0} px, x-height {metrics.XHeight:0} px, {count} components ({counts.Letters} letters), {counts.Specks} specks ({counts.VisibleSpecks} visible), {counts.Blobs} blobs removed"));
        return counts;
    }

    /// <summary>
    /// The stroke width measured on a band across the page (a quarter of its height, from 30% down), or null
    /// when the band holds too little ink to measure. Leptonica's measure walks the whole page twice (its
    /// boundary and its distance transform, ~85 ms of a 300 dpi A4 page); on the band it takes ~20 ms and
    /// comes within 2% of the whole page's on every scan measured (testdata/scans, testdata/hard).
    /// </summary>
    private static float? BandStrokeWidth(PixHandle binary)
    {
        var width = Leptonica.Width(binary);
        var height = Leptonica.Height(binary);
        using var band = Leptonica.Crop(binary, 0, (int)(height * 0.30), width, height / 4);
        var ink = Leptonica.CountPixels(band);
        if (ink < MinBandInkShare * Leptonica.Width(band) * Leptonica.Height(band)
            || LeptonicaApi.pixFindStrokeWidth(band, 0.1f, IntPtr.Zero, out var stroke, IntPtr.Zero) != 0 || stroke <= 0)
        {
            return null;
        }

        return stroke;
    }

    private void Dump(PixHandle binary, List<string> steps)
    {
        if (dumpFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(dumpFolder);
        var name = Path.Combine(dumpFolder, $"cleaned-{Environment.CurrentManagedThreadId}-{DateTime.UtcNow:HHmmssfff}.png");
        Leptonica.WritePng(name, binary);
        File.WriteAllText(Path.ChangeExtension(name, ".txt"), string.Join('\n', steps) + "\n");
    }
}
