using PlanIngest.Extraction.Fields;

namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>Parsers return results and never throw on bad text.</summary>
public sealed class RobustnessTests
{
    private static readonly FieldExtractor Extractor = new();

    [Theory]
    [InlineData("")]
    [InlineData("KẾ HOẠCH")]
    [InlineData("KẾ HOẠCH\n\n\n")]
    [InlineData("Số: /\nKẾ HOẠCH\n, ngày\nNơi nhận:\n-\n- Lưu")]
    [InlineData("\u0301\u0300 lone marks \u0323\nKẾ HOẠCH\nTM.\nKT.")]
    [InlineData("\ud83d\ude00 emoji and a lone \ud800 surrogate 12/")]
    [InlineData("từ tháng 13 đến tháng 0/2020; trước ngày 31/02/2021; quý V/2022; ít nhất %")]
    [InlineData("Quyết định số 217, , 218-QĐ/ và 1-/ số 99999999/KH-UBND")]
    public void Odd_input_gives_a_result(string text)
    {
        var fields = Extractor.Extract(text);

        Assert.NotNull(fields);
    }

    [Fact]
    public void Random_mixtures_of_document_text_give_a_result()
    {
        var pieces = File.ReadAllText(TestFiles.Seed("000")).Split(' ')
            .Concat(File.ReadAllText(TestFiles.Seed("004")).Split(' '))
            .ToArray();
        var random = new Random(4);
        for (var i = 0; i < 200; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 400)).Select(_ => pieces[random.Next(pieces.Length)]);
            Assert.NotNull(Extractor.Extract(string.Join(random.Next(3) == 0 ? "\n" : " ", words)));
        }
    }
}
