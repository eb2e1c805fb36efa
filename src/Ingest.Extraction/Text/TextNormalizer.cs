using System.Text;

namespace PlanIngest.Extraction.Text;

/// <summary>The normalise stage: page text as read in, canonical Unicode text out.</summary>
public sealed class TextNormalizer
{
    public string Normalize(string text) => text.Normalize(NormalizationForm.FormC);
}
