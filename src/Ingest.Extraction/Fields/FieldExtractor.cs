using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Fields;

/// <summary>
/// The extract stage: normalised text in, the structured fields of CONTRACT.md §1 out. Each part has its
/// own parser; this class only composes them. Keywords are matched on folded text, values are sliced
/// from the document text, and anything not found stays null or empty.
/// </summary>
public sealed class FieldExtractor
{
    public ExtractedFields Extract(string normalizedText)
    {
        if (string.IsNullOrWhiteSpace(normalizedText))
        {
            return ExtractedFields.Empty;
        }

        var text = new FoldedText(normalizedText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\f', '\n'));
        var lines = TextLine.Split(text);
        var warnings = new List<string>();

        var header = HeaderParser.Parse(text, lines);
        if (header.NumberRepaired)
        {
            warnings.Add($"number: OCR damage repaired ({header.Number})");
        }

        var mentions = ReferenceParser.FindAll(text);
        var (legalBases, unnumbered) = LegalBasisParser.Parse(text, lines, header.BodyStart, mentions, header.Number);
        var citations = CitationMerger.Merge(mentions, unnumbered, legalBases, header.Number);
        if (!AdministrativeEvidence.IsAdministrative(text, header, legalBases.Count))
        {
            // A news article, a chat or a letter: what it cites by number is all it shares with the documents.
            return ExtractedFields.Empty with { Citations = citations, Warnings = ["not an administrative document: no header, preamble, signature of office or sections"] };
        }

        var sections = new SectionMap(lines, header.BodyStart);
        var preamble = LegalBasisParser.Preamble(lines, header.BodyStart);
        // The year the plan is written in: its date, else the first year its title covers (a cut header).
        var planYear = header.IssuedDate?.Year ?? YearsResolver.Resolve(header.Title, []).Cast<int?>().FirstOrDefault();
        var reported = new ReportedFigures(text, lines, header.BodyStart, planYear, preamble);
        var indicators = IndicatorParser.Parse(text, sections, header.BodyStart, mentions, reported);
        var deadlines = DeadlineParser.Parse(text, header.BodyStart, mentions, preamble, planYear);
        var signer = SignerParser.Parse(lines);
        var (issuer, coIssuers) = IssuerResolver.Resolve(header, text, lines, signer, warnings);
        if (header.DocType is not null && header.IssuedDate is null)
        {
            warnings.Add("issued_date: no dated place line in the header");
        }

        return new ExtractedFields
        {
            DocType = header.DocType,
            Number = header.Number,
            Issuer = issuer,
            CoIssuers = coIssuers,
            Place = PlaceResolver.Resolve(header.Place, issuer),
            IssuedDate = header.IssuedDate,
            Title = header.Title,
            Years = YearsResolver.Resolve(header.Title, deadlines),
            LegalBases = legalBases,
            Citations = citations,
            Indicators = indicators,
            Deadlines = deadlines,
            Campaigns = CampaignParser.Parse(text, header.BodyStart, header.Title),
            Signer = signer,
            Recipients = RecipientParser.Parse(lines),
            Warnings = warnings,
        };
    }
}
