using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Raw declarations from Leptonica's allheaders.h, with the C names.</summary>
internal static partial class LeptonicaApi
{
    internal const int SeverityNone = 6; // L_SEVERITY_NONE: Leptonica otherwise prints to stderr

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int setMsgSeverity(int severity);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixReadMem(ref byte data, nuint size);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixReadMemTiff(ref byte data, nuint size, int page);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixReadHeaderMem(
        ref byte data, nuint size, out int format, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixGetXRes(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixRotateOrth(PixHandle pix, int quads);

    internal const int RotateAreaMap = 2; // L_ROTATE_AREA_MAP: anti-aliased, keeps grey text crisp
    internal const int BringInWhite = 1; // L_BRING_IN_WHITE

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixConvertTo1(PixHandle pix, int threshold);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixFindSkew(PixHandle pix, out float angleDegrees, out float confidence);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixRotate(PixHandle pix, float angleRadians, int type, int incolor, int width, int height);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixScale(PixHandle pix, float scaleX, float scaleY);
}
