using PlanIngest.Extraction.Reading.Ocr;

namespace PlanIngest.Extraction.Tests.Reading.Ocr;

/// <summary>A word changes only where Tesseract's alternatives and the neighbours agree.</summary>
public sealed class OcrSyllableCorrectorTests
{
    private static readonly OcrSyllableCorrector Corrector = OcrSyllableCorrector.Shared;

    [Fact]
    public void A_mark_tesseract_hesitated_over_is_corrected_where_the_neighbours_settle_it()
    {
        var (text, changes) = Correct("Ban tố chức", ("tố", 'ố', [("ố", 90), ("ổ", 50)]));

        Assert.Equal("Ban tổ chức", text);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Capitals_and_punctuation_are_kept()
    {
        var (text, _) = Correct("BAN TỐ CHỨC,", ("TỐ", 'Ố', [("Ố", 88), ("Ổ", 70)]));

        Assert.Equal("BAN TỔ CHỨC,", text);
    }

    [Fact]
    public void A_form_tesseract_did_not_consider_needs_more_than_the_neighbours()
    {
        var (text, changes) = Correct("Ban tố chức", ("tố", 'ố', [("ố", 95)]));

        Assert.Equal("Ban tố chức", text);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Without_context_for_the_other_form_the_word_stays_as_read()
    {
        var (text, changes) = Correct("việc tố cáo", ("tố", 'ố', [("ố", 90), ("ổ", 60)]));

        Assert.Equal("việc tố cáo", text);
        Assert.Equal(0, changes);
    }

    /// <summary>Builds the recogniser's words for a text: every word certain except the one given.</summary>
    private static (string Text, int Changes) Correct(string text, (string Word, char Symbol, (string Text, float Score)[] Choices) doubt)
    {
        var words = text.Split(' ').Select(w =>
        {
            var symbols = w.Select(c => c.ToString()).Select(s =>
                w == doubt.Word && s == doubt.Symbol.ToString()
                    ? new RecognizedSymbol(s, doubt.Choices.Select(c => new SymbolChoice(c.Text, c.Score)).ToList())
                    : new RecognizedSymbol(s, [new SymbolChoice(s, 95)])).ToList();
            return new RecognizedWord(w, 90, symbols);
        }).ToList();
        return Corrector.Correct(text, words);
    }
}
