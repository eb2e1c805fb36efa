using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

internal static partial class LibC
{
    internal const int LC_NUMERIC = 1; // glibc

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr setlocale(int category, string? locale);
}
