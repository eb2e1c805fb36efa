using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanIngest.Search.Compare;

/// <summary>
/// Writes one worksheet of text and number cells with the Open XML SDK (already used to read DOCX).
/// ClosedXML 0.95.4, the version served here, fails to start on .NET 10 (InvalidProgramException in
/// XLWorkbook's static constructor), so the sheet is written directly: inline strings, numbers, a
/// bold header row, nothing else.
/// </summary>
internal static class XlsxSheet
{
    /// <param name="rows">Each cell a string (written as text) or a decimal (written as a number); null leaves it empty.</param>
    public static void Write(string path, string sheetName, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BoldHeaderStyles();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var line = 0u;
        foreach (var row in rows)
        {
            line++;
            var xmlRow = new Row { RowIndex = line };
            for (var c = 0; c < row.Count; c++)
            {
                if (row[c] is not { } value)
                {
                    continue;
                }

                var cell = new Cell { CellReference = ColumnName(c) + line };
                if (value is decimal number)
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number);
                }
                else
                {
                    // Inline text is never read as a formula or a date, whatever it starts with.
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve });
                }

                if (line == 1)
                {
                    cell.StyleIndex = 1;
                }

                xmlRow.Append(cell);
            }

            data.Append(xmlRow);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    private static Stylesheet BoldHeaderStyles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
