using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using PlanIngest.Extraction.Model;
using PlanIngest.Search.Facets;

namespace PlanIngest.Search.Index;

/// <summary>
/// A record as a Lucene document: the full text and title searched folded and stored as written (for
/// display and snippets), every facet both as a filter term and as counted doc values, each citation
/// under its canonical number key, the indicators stored for compare.
/// </summary>
internal static class DocumentMapper
{
    public static Document ToDocument(IndexedDocument indexed)
    {
        var fields = indexed.Record.Fields;
        var doc = new Document
        {
            new StringField(IndexFields.Id, indexed.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.IdOrder, new BytesRef(indexed.Id)),
            new StoredField(IndexFields.Number, fields.Number ?? string.Empty),
            new TextField(IndexFields.Title, fields.Title ?? string.Empty, Field.Store.YES),
            new StoredField(IndexFields.Issuer, fields.Issuer?.Name ?? string.Empty),
            new TextField(IndexFields.IssuerText, fields.Issuer?.Name ?? string.Empty, Field.Store.NO),
            new StoredField(IndexFields.IssuedDate, fields.IssuedDate?.ToString() ?? string.Empty),
            new StoredField(IndexFields.Years, string.Join(',', fields.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))),
            new StoredField(IndexFields.TargetYear, DocumentYears.TargetYear(fields)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new TextField(IndexFields.Text, indexed.Record.NormalizedText.Replace('\f', '\n'), Field.Store.YES),
            new StoredField(IndexFields.Indicators, JsonSerializer.Serialize(fields.Indicators, Extraction.Model.RecordJson.Options)),
        };

        if (DocumentNumber.KeyFor(fields.Number) is { } numberKey)
        {
            doc.Add(new StringField(IndexFields.NumberKey, numberKey, Field.Store.NO));
        }

        foreach (var indicator in fields.Indicators)
        {
            // Compare looks for its subject in the subject the extractor read and, failing that, in the target's text.
            doc.Add(new TextField(IndexFields.Subjects, indicator.Subject is null ? indicator.Text : indicator.Subject + "\n" + indicator.Text, Field.Store.NO));
        }

        AddFacet(doc, FacetDimension.DocType, fields.DocType);
        AddFacet(doc, FacetDimension.Issuer, fields.Issuer?.Name);
        AddFacet(doc, FacetDimension.Province, fields.Issuer?.Province);
        AddFacet(doc, FacetDimension.Level, fields.Issuer?.Level is { } level ? ContractNames.Of(level) : null);
        foreach (var year in DocumentYears.Of(fields))
        {
            AddFacet(doc, FacetDimension.Year, year.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var citation in fields.Citations)
        {
            AddFacet(doc, FacetDimension.Cites, citation.Number);
        }

        foreach (var campaign in fields.Campaigns)
        {
            AddFacet(doc, FacetDimension.Campaign, campaign);
        }

        return doc;
    }

    private static void AddFacet(Document doc, FacetDimension dimension, string? value)
    {
        if (value is null || dimension.Read(value) is not var (key, label))
        {
            return;
        }

        // One value per key and document: two spellings of one citation in a document count it once.
        var filterField = dimension.FilterField;
        if (doc.GetFields(filterField).Any(f => f.GetStringValue() == key))
        {
            return;
        }

        doc.Add(new StringField(filterField, key, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(dimension.CountField, new BytesRef(key + FacetCounter.KeySeparator + label)));
    }
}
