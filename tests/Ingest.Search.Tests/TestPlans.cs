using PlanIngest.Extraction.Model;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Tests;

/// <summary>Small plans written straight into an index, without the pipeline: a body of Phú Thọ at a level, a year, citations, a text.</summary>
internal static class TestPlans
{
    public static IndexedDocument Plan(string id, IssuerLevel level, int year, string text, IReadOnlyList<string> cites)
    {
        var issuer = level switch
        {
            IssuerLevel.Province => "Ủy ban nhân dân tỉnh Phú Thọ",
            IssuerLevel.District => "Ủy ban nhân dân huyện Thanh Sơn",
            _ => "Ủy ban nhân dân xã Tân Lập",
        };
        var fields = new ExtractedFields
        {
            DocType = "Kế hoạch",
            Issuer = new IssuerInfo(issuer, null, level, "Phú Thọ"),
            Years = [year],
            Citations = cites.Select(c => new Citation(null, c, null, null, 1)).ToList(),
        };
        return new IndexedDocument(id, 1, new DocumentRecord(new SourceInfo(id + ".txt", id, "text/plain", 1, false, null), [new PageText(1, text, PageMethod.PlainText) { Normalized = text }], fields));
    }
}
