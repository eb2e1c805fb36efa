using Lucene.Net.Analysis.TokenAttributes;
using PlanIngest.Search.Analysis;

namespace PlanIngest.Search.Tests.Analysis;

public sealed class FoldingAnalyzerTests
{
    [Fact]
    public void Words_are_folded_and_keep_their_offsets_in_the_original()
    {
        const string text = "Uỷ ban văn hoá ĐOÀN, 13/CT-UBND";

        var tokens = Tokens(text);

        Assert.Equal(["uy", "ban", "van", "hoa", "doan", "13", "ct", "ubnd"], tokens.Select(t => t.Term));
        Assert.Equal(["Uỷ", "ban", "văn", "hoá", "ĐOÀN", "13", "CT", "UBND"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Old_and_new_tone_placement_and_ligatures_fold_alike() =>
        Assert.Equal(Tokens("hòa Ủy thúy ﬁle").Select(t => t.Term), Tokens("hoà Uỷ thuý file").Select(t => t.Term));

    private static List<(string Term, int Start, int End)> Tokens(string text)
    {
        using var analyzer = new FoldingAnalyzer();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int)>();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
