using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>
/// Connects a <see cref="CancellationToken"/> to a Tesseract monitor: Tesseract asks the monitor's cancel
/// function after each word it recognises, so a shutdown stops a page within a word instead of waiting
/// for the page (a second or more). Dispose after recognition returns; the token is reached through a
/// GC handle that lives exactly that long.
/// </summary>
internal sealed unsafe class MonitorCancellation : IDisposable
{
    private GCHandle token;

    private MonitorCancellation(MonitorHandle monitor, CancellationToken cancellationToken)
    {
        token = GCHandle.Alloc(new StrongBox<CancellationToken>(cancellationToken));
        TesseractApi.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(token));
        TesseractApi.TessMonitorSetCancelFunc(monitor, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, int, byte>)&IsCancelled);
    }

    /// <summary>Null when the token can never be cancelled: nothing to ask then.</summary>
    public static MonitorCancellation? Attach(MonitorHandle monitor, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? new MonitorCancellation(monitor, cancellationToken) : null;

    public void Dispose()
    {
        if (token.IsAllocated)
        {
            token.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte IsCancelled(IntPtr cancelThis, int words)
    {
        // Exceptions must not cross into native code; a handle that is somehow gone means "carry on".
        try
        {
            return GCHandle.FromIntPtr(cancelThis).Target is StrongBox<CancellationToken> box && box.Value.IsCancellationRequested ? (byte)1 : (byte)0;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }
}
