using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Search.Query;

/// <summary>
/// Lucene's classic query syntax, with the terms of wildcard, prefix and fuzzy queries folded too
/// (the parser does not analyse those), so <c>hóa*</c> finds <c>hoá</c> and <c>hoa</c>.
/// </summary>
internal sealed class FoldingQueryParser : QueryParser
{
    public FoldingQueryParser(string field, Analyzer analyzer) : base(Analysis.FoldingAnalyzer.Version, field, analyzer)
    {
        DefaultOperator = AND_OPERATOR;
        // "13/CT-UBND" analyses to three words; as a phrase it means the number, not any text with "ct".
        AutoGeneratePhraseQueries = true;
        AllowLeadingWildcard = false;
    }

    protected override Lucene.Net.Search.Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(field, TextFolding.Fold(termStr));

    protected override Lucene.Net.Search.Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(field, TextFolding.Fold(termStr));

    protected override Lucene.Net.Search.Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        base.GetFuzzyQuery(field, TextFolding.Fold(termStr), minSimilarity);
}
