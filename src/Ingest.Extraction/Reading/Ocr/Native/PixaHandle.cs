using System.Runtime.InteropServices;

namespace PlanIngest.Extraction.Reading.Ocr.Native;

/// <summary>Owns one Leptonica PIXA (an array of images with their boxes): the connected components of a page.</summary>
internal sealed class PixaHandle : SafeHandle
{
    public PixaHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal PixaHandle(IntPtr pixa) : this() => SetHandle(pixa);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var pixa = handle;
        LeptonicaApi.pixaDestroy(ref pixa);
        return true;
    }
}
