using PlanIngest.Extraction.Reading.Ocr.Cleaning;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Tests.Reading.Ocr.Cleaning;

/// <summary>The cleaning steps on synthetic pages whose every component is known.</summary>
public sealed class PageCleanerTests
{
    private const int Width = 1200;
    private const int Height = 1000;

    [Fact]
    public void A_clean_full_resolution_page_is_left_to_be_read_as_scanned()
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        SyntheticPage.Letters(page, 200, 100, 1100, 900);
        SyntheticPage.Fill(page, 150, 950, 1, 1); // a one-pixel speck, as every scanner leaves

        Assert.Null(new PageCleaner().Clean(page));
    }

    // 408 letters; a page is dirty from 3% visible specks (13 here), and the quick look, which measures the
    // stroke width on a band of the page only, settles "clean" alone only under half that (7 specks).
    [Theory]
    [InlineData(10, false)] // between the quick look's margin and the dirty share: the whole page's look decides, clean
    [InlineData(14, true)]  // just over the dirty share: the quick look must not call it clean
    public void Specks_near_the_dirty_share_are_judged_on_the_whole_page(int specks, bool cleaned)
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        var letters = SyntheticPage.Letters(page, 200, 100, 1100, 900);
        Assert.Equal(408, letters.Count);
        for (var k = 0; k < specks; k++)
        {
            SyntheticPage.Fill(page, 200 + 60 * k, 950, 5, 5); // a visible speck (over one stroke square), far from any letter
        }

        using var result = new PageCleaner().Clean(page);

        Assert.Equal(cleaned, result is not null);
        if (result is not null)
        {
            Assert.False(SyntheticPage.IsBlack(result.Image, 202, 952), "speck kept");
            Assert.Contains(result.Steps, s => s.Contains($"({specks} visible)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_page_whose_middle_band_is_blank_is_still_looked_at()
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        SyntheticPage.Letters(page, 200, 60, 1100, 280);  // text above the band the quick look measures (30-55% down)
        SyntheticPage.Letters(page, 200, 600, 1100, 900); // and below it
        SyntheticPage.Disk(page, 80, 420, 35);            // a punched hole in the margin beside the blank band

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        Assert.False(SyntheticPage.IsBlack(cleaned.Image, 80, 420), "hole kept");
    }

    [Fact]
    public void Holes_and_isolated_specks_go_while_letters_and_the_marks_beside_them_stay()
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        var letters = SyntheticPage.Letters(page, 200, 100, 1100, 800);
        var (lx, ly) = letters[40];
        SyntheticPage.Fill(page, lx + 6, ly - 14, 5, 5);  // a dot above a letter (the mark of "ị" or "ộ")
        SyntheticPage.Fill(page, lx + 6, ly + 34, 5, 5);  // a dot below it
        SyntheticPage.Fill(page, 600, 900, 5, 5);         // the same dot alone, far from any letter: a speck
        SyntheticPage.Fill(page, 700, 920, 6, 4);
        SyntheticPage.Disk(page, 80, 500, 35);            // a punched hole in the left margin
        var letterPixels = CountIn(page, 200, 100, 1100, 800);

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        var image = cleaned.Image;
        Assert.False(SyntheticPage.IsBlack(image, 80, 500), "hole kept");
        Assert.False(SyntheticPage.IsBlack(image, 602, 902), "isolated speck kept");
        Assert.False(SyntheticPage.IsBlack(image, 702, 921), "isolated speck kept");
        Assert.True(SyntheticPage.IsBlack(image, lx + 8, ly - 12), "dot above a letter removed");
        Assert.True(SyntheticPage.IsBlack(image, lx + 8, ly + 36), "dot below a letter removed");
        Assert.Equal(letterPixels, CountIn(image, 200, 100, 1100, 800));
        Assert.Contains(cleaned.Steps, s => s.Contains("1 blobs removed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bold_letter_inside_the_text_is_not_taken_for_a_hole()
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        SyntheticPage.Letters(page, 200, 100, 1100, 800);
        SyntheticPage.Fill(page, 500, 380, 40, 40);       // solid, but the size of a bold capital
        SyntheticPage.Disk(page, 80, 500, 35);            // makes the page dirty, so it is cleaned

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        Assert.True(SyntheticPage.IsBlack(cleaned.Image, 520, 400));
    }

    [Fact]
    public void A_low_resolution_page_is_scaled_to_the_working_resolution()
    {
        using var page = SyntheticPage.Binary(800, 600, 200);
        SyntheticPage.Letters(page, 100, 60, 700, 540);

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        Assert.Equal(1200, Leptonica.Width(cleaned.Image));
        Assert.Equal(300, Leptonica.Resolution(cleaned.Image));
        Assert.Equal(1, Leptonica.Depth(cleaned.Image));
    }

    [Fact]
    public void A_skewed_page_is_straightened()
    {
        using var page = SyntheticPage.Binary(Width, Height, 300);
        // Rows of letters that climb 2 px every 26 px: a skew of about 4.4°, far past the deskew limit.
        for (var row = 0; row < 10; row++)
        {
            for (var k = 0; k < 30; k++)
            {
                SyntheticPage.Fill(page, 150 + 26 * k, 150 + 70 * row + 2 * k, 4, 28);
            }
        }

        SyntheticPage.Disk(page, 60, 900, 35);

        using var cleaned = new PageCleaner().Clean(page);

        Assert.NotNull(cleaned);
        Assert.Contains(cleaned.Steps, s => s.StartsWith("deskewed", StringComparison.Ordinal));
    }

    private static int CountIn(PixHandle pix, int left, int top, int right, int bottom)
    {
        var count = 0;
        for (var y = top - 20; y < bottom + 40; y++)
        {
            for (var x = left; x < right; x++)
            {
                count += SyntheticPage.IsBlack(pix, x, y) ? 1 : 0;
            }
        }

        return count;
    }
}
