using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanIngest.Extraction.Model;
using PlanIngest.Search.Compare;
using PlanIngest.Search.Query;

namespace PlanIngest.Search.Tests.Compare;

[Collection(FixtureIndexCollection.Name)]
public sealed class CompareTests(FixtureIndex fixture) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-compare-");
    private readonly IndicatorComparer comparer = new(fixture.Index);

    [Fact]
    public void Two_years_of_one_issuer_give_one_row_with_both_values_and_their_documents()
    {
        // s01 (2022): "Phấn đấu 85% hộ gia đình đạt danh hiệu "Gia đình văn hóa""; s02 (2023): "Tỷ lệ hộ gia đình văn hoá đạt 87% trở lên".
        var result = comparer.Compare(new CompareRequest("gia đình văn hóa", Issuer: "UBND huyện Thanh Sơn"));

        var row = Assert.Single(result.Rows);
        Assert.Equal("Ủy ban nhân dân huyện Thanh Sơn", row.Issuer);
        Assert.Equal("gia đình văn hóa", row.Subject);
        Assert.Equal("%", row.Unit);
        Assert.Equal(new Dictionary<int, decimal> { [2022] = 85, [2023] = 87 }, row.Values);
        Assert.Equal(new Dictionary<int, string> { [2022] = "112/KH-UBND", [2023] = "35/KH-UBND" }, row.Documents);
        Assert.Equal(Comparator.AtLeast, row.Comparator);
    }

    [Fact]
    public void Without_diacritics_the_same_rows_come_back_and_each_issuer_is_its_own_row()
    {
        var marked = comparer.Compare(new CompareRequest("gia đình văn hóa")).Rows;
        var plain = comparer.Compare(new CompareRequest("gia dinh van hoa")).Rows;

        Assert.Equal(Describe(marked), Describe(plain));
        Assert.Contains(marked, r => r.Issuer == "Ủy ban nhân dân xã Minh Đài" && r.Values.Count == 2 && r.Values[2022] == 82 && r.Values[2023] == 84);
        Assert.Contains(marked, r => r.Issuer == "Ủy ban nhân dân xã Tân Lập" && r.Values.Single().Value == 90);
        Assert.Contains(marked, r => r.Issuer.StartsWith("Sở Văn hóa", StringComparison.Ordinal) && r.Values[2022] == 80);
        Assert.Equal(marked.Count, marked.Select(r => (r.Issuer, r.Subject, r.Unit)).Distinct().Count());
    }

    [Fact]
    public void Years_outside_from_and_to_are_left_out()
    {
        var row = Assert.Single(comparer.Compare(new CompareRequest("gia đình văn hóa", "UBND huyện Thanh Sơn", From: 2023, To: 2023)).Rows);

        Assert.Equal([2023], row.Values.Keys);
    }

    [Fact]
    public void A_query_naming_no_subject_is_refused() =>
        Assert.Throws<BadQueryException>(() => comparer.Compare(new CompareRequest("tỷ lệ đạt 90%")));

    [Fact]
    public void Csv_and_xlsx_files_open_and_hold_the_same_rows()
    {
        var result = comparer.Compare(new CompareRequest("gia dinh van hoa"));
        var csvPath = Path.Combine(folder.FullName, "compare.csv");
        var xlsxPath = Path.Combine(folder.FullName, "compare.xlsx");

        CompareExport.WriteCsv(result, csvPath);
        CompareExport.WriteXlsx(result, xlsxPath);

        var csv = ReadCsv(csvPath);
        var xlsx = ReadXlsx(xlsxPath);
        Assert.Equal(result.Rows.Count + 1, csv.Count);
        Assert.Equal(csv, xlsx);
        var thanhSon = csv.Single(r => r[0] == "Ủy ban nhân dân huyện Thanh Sơn");
        var header = csv[0];
        Assert.Equal("85", thanhSon[header.IndexOf("2022")]);
        Assert.Equal("112/KH-UBND", thanhSon[header.IndexOf("2022 document")]);
        Assert.Equal("87", thanhSon[header.IndexOf("2023")]);
        Assert.Equal("35/KH-UBND", thanhSon[header.IndexOf("2023 document")]);
        Assert.Equal(">=", thanhSon[header.IndexOf("comparator")]);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static List<string> Describe(IEnumerable<CompareRow> rows) =>
        rows.Select(r => $"{r.Issuer}|{r.Subject}|{r.Unit}|{string.Join(",", r.Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}@{r.Documents[v.Key]}"))}").ToList();

    private static List<List<string>> ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList());
        }

        return rows;
    }

    private static List<List<string>> ReadXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var width = sheet.Descendants<Row>().First().Elements<Cell>().Count();
        return sheet.Descendants<Row>().Select(row =>
        {
            var cells = Enumerable.Repeat(string.Empty, width).ToList();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                var index = column.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1;
                cells[index] = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text;
            }

            return cells;
        }).ToList();
    }
}
