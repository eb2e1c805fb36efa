using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace PlanIngest.Search.Analysis;

/// <summary>
/// Words (Unicode word boundaries) folded for matching: the analyzer of every full-text field and of
/// queries, so a query with or without diacritics, in either tone-mark placement, finds the same text.
/// </summary>
public sealed class FoldingAnalyzer : Analyzer
{
    public static LuceneVersion Version => LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new FoldingFilter(tokenizer));
    }
}
