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

    // Page cleaning (Reading/Ocr/Cleaning). Every function that makes an image returns NULL on failure;
    // Leptonica.Checked turns that into an OcrPageException naming the step.
    internal const int ChooseMax = 2; // L_CHOOSE_MAX
    internal const int SelectIfEither = 3; // L_SELECT_IF_EITHER
    internal const int SelectIfGte = 4; // L_SELECT_IF_GTE
    internal const int PixSubtract = 0x2; // PIX_DST & PIX_NOT(PIX_SRC): clears the source's pixels from the destination
    internal const int CopyClone = 2; // L_CLONE

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixGetWpl(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixGetData(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixCreate(int width, int height, int depth);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixCopy(IntPtr pixd, PixHandle pixs);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixCopyResolution(PixHandle pixd, PixHandle pixs);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixConvertTo8(PixHandle pix, int colormapFlag);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixConvertTo32(PixHandle pix);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixBackgroundNorm(
        PixHandle pix, IntPtr imageMask, IntPtr grey, int tileWidth, int tileHeight, int threshold, int minCount,
        int backgroundValue, int smoothX, int smoothY);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixThresholdToBinary(PixHandle pix, int threshold);

    /// <summary>The stroke width from the distance function's histogram (prints that histogram through lept_stderr).</summary>
    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixFindStrokeWidth(PixHandle pix, float threshold, IntPtr table8, out float width, IntPtr histogram);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static unsafe partial void leptSetStderrHandler(delegate* unmanaged[Cdecl]<IntPtr, void> handler);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixConnComp(PixHandle pix, out IntPtr pixa, int connectivity);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixSelectBySize(PixHandle pix, int width, int height, int connectivity, int type, int relation, IntPtr changed);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixRasterop(PixHandle pixd, int dx, int dy, int dw, int dh, int op, PixHandle pixs, int sx, int sy);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixCountPixels(IntPtr pix, out int count, IntPtr table8);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixaGetCount(PixaHandle pixa);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixaGetPix(PixaHandle pixa, int index, int accessType);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial int pixaGetBoxGeometry(PixaHandle pixa, int index, out int x, out int y, out int width, out int height);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial void pixaDestroy(ref IntPtr pixa);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial void boxaDestroy(ref IntPtr boxa);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr boxCreate(int x, int y, int width, int height);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial void boxDestroy(ref IntPtr box);

    [LibraryImport(NativeLibraries.Leptonica)]
    internal static partial IntPtr pixClipRectangle(PixHandle pix, IntPtr box, IntPtr clippedBox);

    [LibraryImport(NativeLibraries.Leptonica, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pixWrite(string path, PixHandle pix, int format);
}
