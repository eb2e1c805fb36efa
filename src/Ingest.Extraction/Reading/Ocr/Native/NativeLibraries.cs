using System.Reflection;
using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>
/// Loads libtesseract and Leptonica from Debian's packages, and prepares the process for them.
/// </summary>
internal static class NativeLibraries
{
    internal const string Tesseract = "tesseract";
    internal const string Leptonica = "lept";

    private static readonly object Gate = new();
    private static bool prepared;

    /// <summary>
    /// Must run before the first call into either library. OpenMP reads OMP_THREAD_LIMIT once, when
    /// libtesseract loads, and .NET's Environment.SetEnvironmentVariable does not reach native code
    /// on Linux, so the variable is set through libc. Without it Tesseract's own threads fight our
    /// page-level parallelism and a page takes about five times longer on two cores.
    /// </summary>
    internal static void EnsurePrepared()
    {
        lock (Gate)
        {
            if (prepared)
            {
                return;
            }

            if (OperatingSystem.IsLinux())
            {
                LibC.setenv("OMP_THREAD_LIMIT", "1", 1);
                // Tesseract refuses to run outside the C numeric locale (it parses its model files with strtod).
                LibC.setlocale(LibC.LC_NUMERIC, "C");
            }

            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            prepared = true;
            // Leptonica otherwise reports every undecodable image on stderr; we report it ourselves.
            LeptonicaApi.setMsgSeverity(LeptonicaApi.SeverityNone);
            // Some Leptonica functions (pixFindStrokeWidth) print debug output whatever the severity; it goes nowhere
            // unless PLANINGEST_NATIVE_STDERR=1 asks for the native libraries' own messages.
            if (Environment.GetEnvironmentVariable("PLANINGEST_NATIVE_STDERR") != "1")
            {
                DiscardLeptonicaDebugOutput();
            }
        }
    }

    private static unsafe void DiscardLeptonicaDebugOutput() => LeptonicaApi.leptSetStderrHandler(&Discard);

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Discard(IntPtr message)
    {
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var (file, package) = name switch
        {
            Tesseract => ("libtesseract.so.5", "libtesseract5 (apt-get install tesseract-ocr)"),
            Leptonica => ("liblept.so.5", "liblept5 (apt-get install tesseract-ocr)"),
            _ => (null, null),
        };
        if (file is null)
        {
            return IntPtr.Zero;
        }

        if (NativeLibrary.TryLoad(file, assembly, searchPath, out var handle))
        {
            return handle;
        }

        throw new DllNotFoundException($"{file} could not be loaded; install the Debian package {package}.");
    }
}
