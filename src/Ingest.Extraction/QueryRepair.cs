using System.Text;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction;

/// <summary>
/// The normaliser's OCR repair for a search query, so that a query typed (or pasted) in the garbled form
/// of an English-model OCR run — "Chi thi sé 13/CT-UBND ctia Uy ban" — meets the repaired documents. A
/// query is too short for the normaliser's whole-document judgement (it wants eight words or more), so
/// only the judgement "already marked, leave it" is kept: a query that carries diacritics stays as typed.
/// </summary>
public static class QueryRepair
{
    // As the normaliser: text with a quarter or more of its words correctly marked is not accent-stripped.
    private const double MarkedAtLeast = 0.25;

    public static string Repair(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return query;
        }

        var text = LookAlikes.Replace(query.Normalize(NormalizationForm.FormC), []);
        var stats = VietnameseTextStats.Measure(text, SyllableLexicon.Shared);
        return stats.Words == 0 || stats.ValidMarkedShare >= MarkedAtLeast ? text : OcrRepair.Shared.Repair(text).Text;
    }
}
