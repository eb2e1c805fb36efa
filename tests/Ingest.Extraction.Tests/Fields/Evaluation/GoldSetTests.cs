using PlanIngest.Extraction.Evaluation;
using PlanIngest.Extraction.Fields;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Fields.Evaluation;

/// <summary>The extractor against every gold document in its text forms (clean, accent-stripped, garbled seeds).</summary>
public sealed class GoldSetTests
{
    private static readonly FieldExtractor Extractor = new();

    public static TheoryData<string> TextInputs()
    {
        var data = new TheoryData<string>();
        foreach (var (input, _) in ExtractionEvaluation.FindPairs(TestFiles.Gold, [.. TestFiles.CleanSet, .. TestFiles.StrippedSet]))
        {
            data.Add(Path.GetRelativePath(TestFiles.Root, input));
        }

        return data;
    }

    [Fact]
    public void Every_gold_document_has_a_clean_and_a_stripped_input() =>
        Assert.Equal(12 * 2 + 5, ExtractionEvaluation.FindPairs(TestFiles.Gold, [.. TestFiles.CleanSet, .. TestFiles.StrippedSet]).Count);

    [Theory]
    [MemberData(nameof(TextInputs))]
    public void Nothing_is_invented(string input)
    {
        var gold = ExtractionEvaluation.LoadGold(Path.Combine(TestFiles.Gold, Path.GetFileNameWithoutExtension(input) + ".json"));
        var actual = Extractor.Extract(new PlanIngest.Extraction.Text.TextNormalizer().Normalize(File.ReadAllText(Path.Combine(TestFiles.Root, input))));

        AssertAbsentStaysAbsent(gold, actual);
    }

    internal static void AssertAbsentStaysAbsent(ExtractedFields gold, ExtractedFields actual)
    {
        var absent = new List<string>();
        void Check(string name, bool goldAbsent, bool actualAbsent)
        {
            if (goldAbsent && !actualAbsent)
            {
                absent.Add(name);
            }
        }

        Check("doc_type", gold.DocType is null, actual.DocType is null);
        Check("number", gold.Number is null, actual.Number is null);
        Check("issuer", gold.Issuer is null, actual.Issuer is null);
        Check("issuer.parent", gold.Issuer?.Parent is null, actual.Issuer?.Parent is null);
        Check("issuer.province", gold.Issuer?.Province is null, actual.Issuer?.Province is null);
        Check("place", gold.Place is null, actual.Place is null);
        Check("issued_date", gold.IssuedDate is null, actual.IssuedDate is null);
        Check("title", gold.Title is null, actual.Title is null);
        Check("legal_bases", gold.LegalBases.Count == 0, actual.LegalBases.Count == 0);
        Check("indicators", gold.Indicators.Count == 0, actual.Indicators.Count == 0);
        Check("deadlines", gold.Deadlines.Count == 0, actual.Deadlines.Count == 0);
        Check("campaigns", gold.Campaigns.Count == 0, actual.Campaigns.Count == 0);
        Check("signer", gold.Signer is null, actual.Signer is null);
        Check("signer.on_behalf", gold.Signer?.OnBehalf is null, actual.Signer?.OnBehalf is null);
        Check("signer.title", gold.Signer?.Title is null, actual.Signer?.Title is null);
        Check("signer.name", gold.Signer?.Name is null, actual.Signer?.Name is null);
        Check("recipients", gold.Recipients.Count == 0, actual.Recipients.Count == 0);
        Assert.True(absent.Count == 0, "invented: " + string.Join(", ", absent));
    }
}
