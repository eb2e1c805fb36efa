using System.Text;

namespace PlanIngest.Extraction.Reading;

/// <summary>Tells a file's kind from its first bytes, and checks that against its extension.</summary>
public static class ContentSniffer
{
    private static readonly Dictionary<string, ContentKind> KindByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ContentKind.Pdf,
        [".png"] = ContentKind.Png,
        [".jpg"] = ContentKind.Jpeg,
        [".jpeg"] = ContentKind.Jpeg,
        [".tif"] = ContentKind.Tiff,
        [".tiff"] = ContentKind.Tiff,
        [".docx"] = ContentKind.Docx,
        [".txt"] = ContentKind.Text,
    };

    public static ContentKind Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("%PDF-"u8))
        {
            return ContentKind.Pdf;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ContentKind.Png;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ContentKind.Jpeg;
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ContentKind.Tiff;
        }

        if (data.StartsWith("PK\x03\x04"u8))
        {
            // Any OOXML package starts like a zip; only a Word one carries this part name near the start.
            return data.IndexOf("word/"u8) >= 0 ? ContentKind.Docx : ContentKind.Unknown;
        }

        return LooksLikeText(data) ? ContentKind.Text : ContentKind.Unknown;
    }

    /// <summary>The kind the file name promises, or null for an extension that promises nothing.</summary>
    public static ContentKind? KindFromName(string path) =>
        KindByExtension.TryGetValue(Path.GetExtension(path), out var kind) ? kind : null;

    public static string MediaType(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => "application/pdf",
        ContentKind.Png => "image/png",
        ContentKind.Jpeg => "image/jpeg",
        ContentKind.Tiff => "image/tiff",
        ContentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ContentKind.Text => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// Valid UTF-8, or 8-bit text (a legacy TCVN3/VNI file) with almost no control bytes. Random or
    /// binary data has about one control byte in eight, so it fails both.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        var sample = data[..Math.Min(data.Length, 64 * 1024)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f'))
            {
                controls++;
            }
        }

        if (controls > sample.Length / 200)
        {
            return false;
        }

        return System.Text.Unicode.Utf8.IsValid(TrimCutCharacter(sample)) || controls == 0;
    }

    // A 64 KiB sample may end inside a multi-byte character.
    private static ReadOnlySpan<byte> TrimCutCharacter(ReadOnlySpan<byte> sample)
    {
        var end = sample.Length;
        while (end > 0 && sample.Length - end < 4 && (sample[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }

        return end > 0 && sample[end - 1] >= 0xC0 ? sample[..(end - 1)] : sample[..end];
    }
}
