using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Owns one Leptonica PIX image.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal PixHandle(IntPtr pix) : this() => SetHandle(pix);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        LeptonicaApi.pixDestroy(ref pix);
        return true;
    }
}
