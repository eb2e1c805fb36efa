using System.Text;
using PlanIngest.Extraction.Model;
using PlanIngest.Extraction.Reading.Pdf;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>TCVN3 and VNI text made with the test's own encoder tables converts back exactly; Unicode never converts.</summary>
public sealed class LegacyEncodingTests
{
    // TCVN3 has codes for lower-case toned letters only (capitals come from a separate font), so the sample avoids upper-case toned letters.
    private const string Tcvn3Sample =
        "Căn cứ chương trình hành động của ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2021; " +
        "Ban Thường trực xây dựng kế hoạch phát động phong trào thi đua yêu nước, phấn đấu hoàn thành thắng lợi nhiệm vụ, " +
        "tuyên truyền sâu rộng trong các tầng lớp nhân dân, đổi mới nội dung, phương thức hoạt động.";

    private const string VniSample =
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nKẾ HOẠCH\nTriển khai thực hiện phong trào thi đua yêu nước năm 2023. " +
        "Căn cứ Chỉ thị số 01/CT-UBND ngày 10/01/2023 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua; " +
        "Đối tượng: cán bộ, công chức, viên chức và người lao động trong toàn tỉnh.";

    [Fact]
    public void Tcvn3TextConvertsBackExactly()
    {
        var latin1 = TestEncoders.Tcvn3(Tcvn3Sample);
        Assert.Contains("¬", latin1);

        var result = new TextNormalizer().Process(latin1);

        Assert.Equal(LegacyEncoding.Tcvn3, result.Encoding);
        Assert.Equal(Tcvn3Sample, result.Text);
    }

    [Fact]
    public void VniTextConvertsBackExactly()
    {
        var latin1 = TestEncoders.Vni(VniSample);
        Assert.Contains("KEÁ HOAÏCH", latin1);

        var result = new TextNormalizer().Process(latin1);

        Assert.Equal(LegacyEncoding.Vni, result.Encoding);
        Assert.Equal(VniSample, result.Text);
    }

    [Fact]
    public void Tcvn3BytesReadAsLatin1Convert()
    {
        // What PlainTextReader hands over for a TCVN3 file: the bytes as Latin-1.
        var latin1 = Encoding.Latin1.GetString(Encoding.Latin1.GetBytes(TestEncoders.Tcvn3(Tcvn3Sample)));

        Assert.Equal(Tcvn3Sample, new TextNormalizer().Normalize(latin1));
    }

    [Theory]
    [InlineData("003")]
    [InlineData("004")]
    public void UnicodeDocumentIsNeverConverted(string seed)
    {
        var result = new TextNormalizer().Process(TestData.Seed(seed));

        Assert.Equal(LegacyEncoding.Unicode, result.Encoding);
        Assert.DoesNotContain(result.Changes, c => c.Reason == ChangeReasons.LegacyEncoding);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    public void AccentStrippedOcrTextIsNotMistakenForALegacyEncoding(string seed)
    {
        // English-model OCR output is Latin-1 too (hién, Quédc): it must be repaired, not decoded.
        Assert.Equal(LegacyEncoding.Unicode, new TextNormalizer().Process(TestData.Seed(seed)).Encoding);
    }

    [Fact]
    public void PdfLayerInTcvn3IsConverted()
    {
        var layer = TextLayerQuality.Judge(TestEncoders.Tcvn3(Tcvn3Sample));

        Assert.NotNull(layer);
        Assert.Equal(PageMethod.PdfTextLayerConverted, layer.Value.Method);
        Assert.Equal(Tcvn3Sample, layer.Value.Text);
    }

    [Fact]
    public void PdfLayerWithManyInvalidSyllablesIsRejected()
    {
        // A legacy font with a wrong ToUnicode map (DESIGN §2): letters systematically wrong.
        const string damaged = "Kết quả thực hiện các cơng trình trọng điểm: hồn thành đơ thị cịn chậm, cơng tác quản lý đơ thị cịn hạn chế, " +
            "hồn thiện hạ tầng cơng cộng, cịn nhiều cơng việc phải hồn tất.";

        Assert.Null(TextLayerQuality.Judge(damaged));
    }

    [Fact]
    public void CleanPdfLayerIsKept()
    {
        var layer = TextLayerQuality.Judge(Tcvn3Sample);

        Assert.NotNull(layer);
        Assert.Equal(PageMethod.PdfTextLayer, layer.Value.Method);
        Assert.Equal(Tcvn3Sample, layer.Value.Text);
    }
}

/// <summary>Unicode → legacy encoders written independently of the product's decoders, from the published tables.</summary>
internal static class TestEncoders
{
    private const string Tcvn3Unicode = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

    private static readonly byte[] Tcvn3Bytes =
    [
        0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE,
        0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
        0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
        0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
        0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
    ];

    // VNI: vowel + tone byte (ù sắc, ø huyền, û hỏi, õ ngã, ï nặng); â/ê/ô hats and breve as bytes;
    // ơ = ô, ư = ö, đ = ñ; i with tones and ỵ are single bytes.
    private static readonly Dictionary<char, string> ToneBytes = new() { ['\u0301'] = "ù", ['\u0300'] = "ø", ['\u0309'] = "û", ['\u0303'] = "õ", ['\u0323'] = "ï" };

    // Tone byte after a hatted/breved vowel: sắc á, huyền à, hỏi å, ngã ã, nặng ä (breve: é è ú ü ë).
    private static readonly Dictionary<char, string> HatToneBytes = new() { ['\u0301'] = "á", ['\u0300'] = "à", ['\u0309'] = "å", ['\u0303'] = "ã", ['\u0323'] = "ä" };
    private static readonly Dictionary<char, string> BreveToneBytes = new() { ['\u0301'] = "é", ['\u0300'] = "è", ['\u0309'] = "ú", ['\u0303'] = "ü", ['\u0323'] = "ë" };

    public static string Tcvn3(string unicode) =>
        string.Concat(unicode.Normalize(NormalizationForm.FormC).Select(c => Tcvn3Unicode.IndexOf(c) is var i and >= 0 ? ((char)Tcvn3Bytes[i]).ToString() : c.ToString()));

    public static string Vni(string unicode) => string.Concat(unicode.Normalize(NormalizationForm.FormC).Select(Vni));

    private static string Vni(char letter)
    {
        var d = letter.ToString().Normalize(NormalizationForm.FormD);
        var upper = char.IsUpper(d[0]);
        string Cased(string s) => upper ? s.ToUpperInvariant() : s;
        if (letter is 'đ' or 'Đ')
        {
            return Cased("ñ");
        }

        if (d.Length == 1)
        {
            return d;
        }

        var baseLetter = d[0];
        var modifier = d.Skip(1).FirstOrDefault(c => c is '\u0302' or '\u0306' or '\u031B');
        var tone = d.Skip(1).FirstOrDefault(ToneMarks.IsToneMark);
        if (char.ToLowerInvariant(baseLetter) == 'i')
        {
            return Cased(tone switch { '\u0301' => "í", '\u0300' => "ì", '\u0309' => "æ", '\u0303' => "ó", _ => "ò" });
        }

        if (char.ToLowerInvariant(baseLetter) == 'y' && tone == '\u0323')
        {
            return Cased("î");
        }

        switch (modifier)
        {
            case '\u031B':
                var hooked = char.ToLowerInvariant(baseLetter) == 'o' ? "ô" : "ö";
                return Cased(hooked + (tone == default ? string.Empty : ToneBytes[tone]));
            case '\u0302':
                return baseLetter + Cased(tone == default ? "â" : HatToneBytes[tone]);
            case '\u0306':
                return baseLetter + Cased(tone == default ? "ê" : BreveToneBytes[tone]);
            default:
                return baseLetter + Cased(ToneBytes[tone]);
        }
    }
}
