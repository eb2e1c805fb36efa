using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Owns one ETEXT_DESC progress monitor, which is how Tesseract takes a deadline.</summary>
internal sealed class MonitorHandle : SafeHandle
{
    public MonitorHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static MonitorHandle Create()
    {
        var created = new MonitorHandle();
        created.SetHandle(TesseractApi.TessMonitorCreate());
        return created;
    }

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessMonitorDelete(handle);
        return true;
    }
}
