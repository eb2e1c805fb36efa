using System.Text.Json;
using System.Text.Json.Nodes;
using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Tests.Model;

public sealed class RecordJsonTests
{
    private static readonly DocumentRecord Record = new(
        new SourceInfo("inbox/kh51.txt", new string('a', 64), "text/plain", 2, false, null),
        [new PageText(1, "KE HOACH", PageMethod.PlainText) { Normalized = "KẾ HOẠCH" }, new PageText(2, "Noi nhan", PageMethod.PlainText) { Normalized = "Nơi nhận" }],
        new ExtractedFields
        {
            Number = "51/KH-MTTQ-BTT",
            Issuer = new IssuerInfo("Ban Thường trực", null, IssuerLevel.Province, "Bình Phước"),
            Indicators = [new Indicator("Đạt 95% cử tri", "cử tri", 95, "%", Comparator.AtLeast, "II.5"), new Indicator("dưới 5%", "hộ nghèo", 5, "%", Comparator.LessThan, null)],
            Deadlines = [new Deadline(PartialDate.TryDay(2021, 3, 19), DeadlineKind.Due, "trước 19/03/2021"), new Deadline(null, DeadlineKind.Recurring, "định kỳ 6 tháng")],
        })
    {
        ExtractorVersion = "x1-test",
        NormalizerWarnings = ["text: accent-stripped OCR text repaired (2 changes; 0% of words were marked as read)"],
    };

    [Fact]
    public void Enums_are_written_as_the_contract_strings()
    {
        var json = RecordJson.ToJson(Record);

        Assert.Equal("tỉnh", (string?)json["issuer"]!["level"]);
        Assert.Equal([">=", "<"], json["indicators"]!.AsArray().Select(i => (string?)i!["comparator"]));
        Assert.Equal(["due", "recurring"], json["deadlines"]!.AsArray().Select(d => (string?)d!["kind"]));
    }

    [Fact]
    public void Contract_fields_come_first_in_contract_order_and_nothing_is_renamed()
    {
        var names = RecordJson.ToJson(Record).Select(p => p.Key).ToList();

        string[] contract = ["source", "doc_type", "number", "issuer", "co_issuers", "place", "issued_date", "title", "years", "legal_bases",
            "citations", "indicators", "deadlines", "campaigns", "signer", "recipients", "warnings"];
        Assert.Equal(contract.Where(n => n != "co_issuers" || names.Contains(n)), names.Take(names.Count - 3));
        Assert.Equal(["normalizer_warnings", "extractor_version", "pages"], names.TakeLast(3));
    }

    [Fact]
    public void A_record_reads_back_as_it_was_written()
    {
        var json = RecordJson.ToJson(Record).ToJsonString(RecordJson.Options);

        var back = RecordJson.FromJson(json);

        Assert.Equal(json, RecordJson.ToJson(back).ToJsonString(RecordJson.Options));
        Assert.Equal("KẾ HOẠCH\n\f\nNơi nhận", back.NormalizedText);
        Assert.Equal(IssuerLevel.Province, back.Fields.Issuer?.Level);
    }

    [Fact]
    public void A_level_outside_the_contract_is_refused()
    {
        var json = RecordJson.ToJson(Record);
        json["issuer"]!["level"] = "province";

        Assert.ThrowsAny<JsonException>(() => RecordJson.FromJson(json.ToJsonString()));
    }

    [Fact]
    public void Contract_names_parse_back()
    {
        Assert.Equal(IssuerLevel.Central, ContractNames.Parse<IssuerLevel>("trung ương"));
        Assert.Equal(Comparator.AtMost, ContractNames.Parse<Comparator>("<="));
        Assert.Null(ContractNames.Parse<DeadlineKind>("Due"));
        Assert.Equal(["=", ">=", ">", "<=", "<"], ContractNames.All<Comparator>());
    }
}
