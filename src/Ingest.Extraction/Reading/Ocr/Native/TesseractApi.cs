using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Raw declarations from Tesseract's capi.h, with the C names. Nothing here checks results.</summary>
internal static partial class TesseractApi
{
    internal const int PsmOsdOnly = 0;
    internal const int PsmAuto = 3;

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessVersion();

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessBaseAPICreate();

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(TessBaseApiHandle handle, string? dataPath, string language);

    [LibraryImport(NativeLibraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, MonitorHandle monitor);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial int TessBaseAPIDetectOrientationScript(
        TessBaseApiHandle handle, out int orientationDegrees, out float orientationConfidence,
        out IntPtr scriptName, out float scriptConfidence);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessMonitorCreate();

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessMonitorDelete(IntPtr monitor);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessMonitorSetDeadlineMSecs(MonitorHandle monitor, int deadline);

    /// <summary><c>cancelFunc</c> is a <c>bool (*)(void* cancel_this, int words)</c>, asked after every word.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessMonitorSetCancelFunc(MonitorHandle monitor, IntPtr cancelFunc);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessMonitorSetCancelThis(MonitorHandle monitor, IntPtr cancelThis);

    // Result iteration (capi.h TessResultIterator*, TessChoiceIterator*): per-word confidences and,
    // with lstm_choice_mode=2, each symbol's alternative readings with their scores.
    internal const int LevelWord = 3; // RIL_WORD
    internal const int LevelSymbol = 4; // RIL_SYMBOL

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessBaseAPIGetIterator(TessBaseApiHandle handle);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial int TessResultIteratorNext(ResultIteratorHandle iterator, int level);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessResultIteratorGetUTF8Text(ResultIteratorHandle iterator, int level);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial float TessResultIteratorConfidence(ResultIteratorHandle iterator, int level);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessResultIteratorGetPageIterator(ResultIteratorHandle iterator);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessResultIteratorGetChoiceIterator(ResultIteratorHandle iterator);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial void TessChoiceIteratorDelete(IntPtr choices);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial int TessChoiceIteratorNext(IntPtr choices);

    /// <summary>Owned by the iterator: copied, never freed.</summary>
    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial IntPtr TessChoiceIteratorGetUTF8Text(IntPtr choices);

    [LibraryImport(NativeLibraries.Tesseract)]
    internal static partial float TessChoiceIteratorConfidence(IntPtr choices);
}
