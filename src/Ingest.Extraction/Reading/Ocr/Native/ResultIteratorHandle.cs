using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Owns one TessResultIterator over the last recognised page; valid until the engine is cleared.</summary>
internal sealed class ResultIteratorHandle : SafeHandle
{
    public ResultIteratorHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static ResultIteratorHandle Create(TessBaseApiHandle api)
    {
        var created = new ResultIteratorHandle();
        created.SetHandle(TesseractApi.TessBaseAPIGetIterator(api));
        return created;
    }

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessResultIteratorDelete(handle);
        return true;
    }
}
