using System.Buffers.Binary;

namespace PlanIngest.Extraction.Reading;

/// <summary>Counts a TIFF's pages by walking its chain of image directories, without decoding any.</summary>
internal static class TiffPageCounter
{
    private const int MaxPages = 10_000;

    public static int Count(ReadOnlySpan<byte> tiff)
    {
        var littleEndian = tiff[0] == (byte)'I';
        var offset = ReadUInt32(tiff, 4, littleEndian);
        var pages = 0;
        var seen = new HashSet<uint>();
        while (offset != 0 && offset + 2 <= (uint)tiff.Length && seen.Add(offset) && pages < MaxPages)
        {
            pages++;
            var entries = ReadUInt16(tiff, (int)offset, littleEndian);
            var next = offset + 2 + (uint)entries * 12;
            if (next + 4 > (uint)tiff.Length)
            {
                break;
            }

            offset = ReadUInt32(tiff, (int)next, littleEndian);
        }

        return pages;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
}
