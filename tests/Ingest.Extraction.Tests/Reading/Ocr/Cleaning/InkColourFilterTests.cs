using PlanIngest.Extraction.Reading.Ocr.Cleaning;

namespace PlanIngest.Extraction.Tests.Reading.Ocr.Cleaning;

/// <summary>Red seals and blue signatures drop out by colour; black text under them stays black.</summary>
public sealed class InkColourFilterTests
{
    [Fact]
    public void Seal_and_signature_go_light_while_black_text_under_the_seal_stays_dark()
    {
        using var page = SyntheticPage.Rgb(900, 900, 300);
        SyntheticPage.Ink(page, 200, 420, 500, 40, 20, 20, 20);             // a line of black text
        SyntheticPage.Ring(page, 450, 450, 230, 200, 220, 30, 40);          // a 39 mm red seal ring across it
        SyntheticPage.Ink(page, 300, 600, 300, 6, 30, 50, 160);             // a blue signature stroke

        var (grey, ink) = InkColourFilter.DropColouredInk(page);
        using (grey)
        {
            Assert.True(SyntheticPage.Grey(grey, 450, 230) > 180, "bare seal ring still dark");
            Assert.True(SyntheticPage.Grey(grey, 670, 440) < 60, "black text under the seal lost");
            Assert.True(SyntheticPage.Grey(grey, 450, 440) < 60, "black text beside the seal lost");
            Assert.Equal(255, SyntheticPage.Grey(grey, 450, 602));
            Assert.True(SyntheticPage.Grey(grey, 100, 100) > 230, "paper not white");
        }

        Assert.True(ink.LooksLikeSeal(300));
    }

    [Fact]
    public void A_small_red_mark_is_not_a_seal()
    {
        using var page = SyntheticPage.Rgb(900, 900, 300);
        SyntheticPage.Ink(page, 100, 100, 60, 60, 220, 30, 40);             // 5 mm square of red

        var (grey, ink) = InkColourFilter.DropColouredInk(page);
        grey.Dispose();

        Assert.True(ink.Red > 0);
        Assert.False(ink.LooksLikeSeal(300));
    }

    [Fact]
    public void A_colour_page_with_a_seal_is_cleaned_and_says_so()
    {
        using var page = SyntheticPage.Rgb(1200, 1200, 300);
        for (var row = 0; row < 12; row++)
        {
            for (var k = 0; k < 35; k++)
            {
                SyntheticPage.Ink(page, 120 + 26 * k, 100 + 80 * row, 4, 28, 20, 20, 20);
                SyntheticPage.Ink(page, 134 + 26 * k, 100 + 80 * row, 4, 28, 20, 20, 20);
            }
        }

        SyntheticPage.Ring(page, 600, 600, 230, 200, 220, 30, 40);

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        Assert.True(cleaned.Seal);
        Assert.False(SyntheticPage.IsBlack(cleaned.Image, 600, 385), "seal ring binarised as text");
    }
}
