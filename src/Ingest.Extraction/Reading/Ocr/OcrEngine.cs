using System.Runtime.InteropServices;
using PlanIngest.Extraction.Reading.Ocr.Cleaning;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>
/// One loaded Tesseract recogniser plus its orientation detector. Costly to create and not
/// thread-safe: <see cref="OcrEnginePool"/> hands each one to a single thread at a time.
/// </summary>
internal sealed class OcrEngine : IDisposable
{
    // Below this OSD confidence the page is taken as upright: a wrong quarter-turn ruins a page.
    private const float MinOrientationConfidence = 1.5f;

    // Orientation detection costs about a fifth of a page's recognition, and an upright page reads with
    // high confidence, so it runs only for a page that read badly: upside-down text reads as garbage.
    private const double CheckOrientationBelowConfidence = 0.75;

    private const int BinarizeThreshold = 130;

    // A cleaned page that reads at least this well is kept without reading the raw page too: on every
    // page measured, raw never beat a cleaned read this confident, and the second read would double the time.
    private const double TrustCleanedAtConfidence = 0.80;

    // How many times Tesseract decodes each line's beam again for the next runner-up reading of every symbol
    // (lstm_choice_iterations), for the syllable correction. Its default of 5 made recognition 16% dearer.
    // On a page read as scanned, 2 give the correction the same changes on every page measured (eval-ocr,
    // eval-hard: 15 clean pages) for about 1%; on a page that needed cleaning the further runner-ups still
    // mend a letter now and then (2 lost 3 corrections over the 4 fax pages), so such a page keeps 5.
    private const string ChoiceIterationsAsScanned = "2";
    private const string ChoiceIterationsCleaned = "5";

    private readonly TessBaseApiHandle recognizer;
    private readonly PageCleaner? cleaner;
    private readonly OcrSyllableCorrector? corrector;

    // Loaded on the first page that needs it: most batches never do.
    private readonly Lazy<TessBaseApiHandle> orientationDetector;

    // What lstm_choice_iterations is set to now (null: Tesseract's default), so it is set only when it changes.
    private string? choiceIterations;

    private OcrEngine(TessBaseApiHandle recognizer, OcrOptions options)
    {
        this.recognizer = recognizer;
        cleaner = options.CleanPages ? new PageCleaner() : null;
        corrector = options.CorrectSyllables ? OcrSyllableCorrector.Shared : null;
        var tessdata = options.TessdataPath;
        orientationDetector = new Lazy<TessBaseApiHandle>(() => Open(tessdata, "osd", TesseractApi.PsmOsdOnly), LazyThreadSafetyMode.None);
    }

    public static OcrEngine Create(OcrOptions options)
    {
        NativeLibraries.EnsurePrepared();
        var recognizer = Open(options.TessdataPath, options.Languages, TesseractApi.PsmAuto);
        if (options.CorrectSyllables)
        {
            // Each symbol's alternative readings with their scores, for the syllable correction (OcrSyllableCorrector).
            TesseractApi.TessBaseAPISetVariable(recognizer, "lstm_choice_mode", "2");
        }

        return new OcrEngine(recognizer, options);
    }

    public static string Version()
    {
        NativeLibraries.EnsurePrepared();
        return Marshal.PtrToStringUTF8(TesseractApi.TessVersion()) ?? "unknown";
    }

    /// <summary>
    /// Reads a page: cleaned first when the cleaner finds something to clean, and the raw page too when
    /// the cleaned read is not clearly good; whichever reads with the higher mean confidence is kept.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled, also part-way through a page.</exception>
    public OcrPageResult Recognize(PixHandle page, TimeSpan timeLimit, CancellationToken cancellationToken = default) =>
        Correct(Read(page, timeLimit, cancellationToken));

    private OcrPageResult Read(PixHandle page, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var cleaned = cleaner?.Clean(page);
        UseChoiceIterations(cleaned is null ? ChoiceIterationsAsScanned : ChoiceIterationsCleaned);
        if (cleaned is null)
        {
            return RecognizeUpright(page, timeLimit, deskew: true, cancellationToken);
        }

        var fromCleaned = RecognizeUpright(cleaned.Image, timeLimit, deskew: false, cancellationToken) with { Cleaned = true, Seal = cleaned.Seal };
        if (fromCleaned.Confidence >= TrustCleanedAtConfidence)
        {
            return fromCleaned;
        }

        var fromRaw = RecognizeUpright(page, timeLimit, deskew: true, cancellationToken) with { Seal = cleaned.Seal };
        return fromRaw.Confidence > fromCleaned.Confidence ? fromRaw : fromCleaned;
    }

    private void UseChoiceIterations(string iterations)
    {
        if (corrector is null || iterations == choiceIterations)
        {
            return;
        }

        TesseractApi.TessBaseAPISetVariable(recognizer, "lstm_choice_iterations", iterations);
        choiceIterations = iterations;
    }

    private OcrPageResult Correct(OcrPageResult read)
    {
        if (corrector is null)
        {
            return read with { Words = [] };
        }

        var (text, changes) = corrector.Correct(read.Text, read.Words);
        return read with { Text = text, Corrections = changes, Words = [] };
    }

    private OcrPageResult RecognizeUpright(PixHandle page, TimeSpan timeLimit, bool deskew, CancellationToken cancellationToken)
    {
        using var straight = deskew ? Deskew(page) : null;
        var first = RecognizeAsIs(straight ?? page, timeLimit, 0, cancellationToken);
        if (first.Confidence >= CheckOrientationBelowConfidence)
        {
            return first;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var quarterTurns = DetectQuarterTurns(straight ?? page);
        if (quarterTurns == 0)
        {
            return first;
        }

        using var upright = Checked(LeptonicaApi.pixRotateOrth(straight ?? page, quarterTurns), "rotate");
        var turned = RecognizeAsIs(upright, timeLimit, quarterTurns * 90, cancellationToken);
        return turned.Confidence > first.Confidence ? turned : first;
    }

    public void Dispose()
    {
        recognizer.Dispose();
        if (orientationDetector.IsValueCreated)
        {
            orientationDetector.Value.Dispose();
        }
    }

    private OcrPageResult RecognizeAsIs(PixHandle page, TimeSpan timeLimit, int rotation, CancellationToken cancellationToken)
    {
        TesseractApi.TessBaseAPISetImage2(recognizer, page);
        using var monitor = MonitorHandle.Create();
        TesseractApi.TessMonitorSetDeadlineMSecs(monitor, (int)Math.Min(int.MaxValue, timeLimit.TotalMilliseconds));
        using var cancellation = MonitorCancellation.Attach(monitor, cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (TesseractApi.TessBaseAPIRecognize(recognizer, monitor) != 0)
            {
                // Tesseract gives one answer for "cancelled", "out of time" and "failed"; the token and the clock tell them apart.
                cancellationToken.ThrowIfCancellationRequested();
                var timedOut = System.Diagnostics.Stopwatch.GetElapsedTime(started) >= timeLimit;
                throw new OcrPageException(timedOut ? $"recognition exceeded the {timeLimit.TotalSeconds:0.##} s page limit" : "recognition failed", timedOut);
            }

            var text = TakeText(TesseractApi.TessBaseAPIGetUTF8Text(recognizer));
            var confidence = Math.Clamp(TesseractApi.TessBaseAPIMeanTextConf(recognizer), 0, 100) / 100.0;
            return new OcrPageResult(text, confidence, rotation) { Words = corrector is null ? [] : RecognizedWords.Read(recognizer) };
        }
        finally
        {
            TesseractApi.TessBaseAPIClear(recognizer);
        }
    }

    /// <summary>A straightened copy of a page skewed enough to hurt recognition; null when it is straight enough.</summary>
    private static PixHandle? Deskew(PixHandle page)
    {
        using var binary = Checked(LeptonicaApi.pixConvertTo1(page, BinarizeThreshold), "binarize");
        return Skew.Correction(binary) is { } radians ? Skew.Rotate(page, radians) : null;
    }

    private static TessBaseApiHandle Open(string? tessdata, string languages, int pageSegmentation)
    {
        var handle = TessBaseApiHandle.Create();
        if (TesseractApi.TessBaseAPIInit3(handle, tessdata, languages) != 0)
        {
            handle.Dispose();
            var where = tessdata ?? "Tesseract's default tessdata folder";
            throw new OcrUnavailableException(
                $"Tesseract could not load language '{languages}' from {where}; install tesseract-ocr-vie, tesseract-ocr-eng and tesseract-ocr-osd");
        }

        // Tesseract reports resolution guesses and the like on stderr; the CLI's stderr is for our one-line errors.
        TesseractApi.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");

        TesseractApi.TessBaseAPISetPageSegMode(handle, pageSegmentation);
        return handle;
    }

    /// <summary>How many clockwise quarter turns make the page upright.</summary>
    private int DetectQuarterTurns(PixHandle page)
    {
        // Orientation needs only the shape of the lines: half resolution is as reliable and four times cheaper.
        var width = LeptonicaApi.pixGetWidth(page);
        using var small = width > 1600 ? Checked(LeptonicaApi.pixScale(page, 0.5f, 0.5f), "scale") : null;
        try
        {
            TesseractApi.TessBaseAPISetImage2(orientationDetector.Value, small ?? page);
            var found = TesseractApi.TessBaseAPIDetectOrientationScript(
                orientationDetector.Value, out var degrees, out var confidence, out _, out _);
            if (found == 0 || confidence < MinOrientationConfidence)
            {
                return 0;
            }

            // Tesseract reports how far the page is turned clockwise; turning it on by the rest undoes that.
            return (360 - degrees) % 360 / 90;
        }
        finally
        {
            TesseractApi.TessBaseAPIClear(orientationDetector.Value);
        }
    }

    private static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            TesseractApi.TessDeleteText(text);
        }
    }

    private static PixHandle Checked(IntPtr pix, string operation) => Leptonica.Checked(pix, operation);
}
