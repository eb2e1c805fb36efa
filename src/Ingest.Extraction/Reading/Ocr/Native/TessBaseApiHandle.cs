using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Owns one TessBaseAPI instance.</summary>
internal sealed class TessBaseApiHandle : SafeHandle
{
    public TessBaseApiHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static TessBaseApiHandle Create()
    {
        var created = new TessBaseApiHandle();
        created.SetHandle(TesseractApi.TessBaseAPICreate());
        return created;
    }

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessBaseAPIEnd(handle);
        TesseractApi.TessBaseAPIDelete(handle);
        return true;
    }
}
