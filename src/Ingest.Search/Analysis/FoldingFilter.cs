using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PlanIngest.Extraction.Text;

namespace PlanIngest.Search.Analysis;

/// <summary>
/// Replaces each token by its folded form (<see cref="TextFolding.Fold"/>, the one folding function the
/// extractor uses too), leaving offsets alone, so that the highlighter marks the original words with
/// their diacritics while "hóa", "hoá" and "hoa" all index as <c>hoa</c>.
/// </summary>
internal sealed class FoldingFilter : TokenFilter
{
    // A document repeats few distinct words; folding each through NFD once per filter instance (one per
    // thread and field, reused across documents) keeps indexing cheap. Bounded so it cannot grow without end.
    private const int MaxCached = 50_000;

    private readonly ICharTermAttribute term;
    private readonly Dictionary<string, string> folded = new(StringComparer.Ordinal);

    public FoldingFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = term.Buffer;
        var length = term.Length;
        var ascii = true;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= 128)
            {
                ascii = false;
                break;
            }

            buffer[i] = char.ToLowerInvariant(c);
        }

        if (ascii)
        {
            return true;
        }

        var original = new string(buffer, 0, length);
        if (!folded.TryGetValue(original, out var result))
        {
            result = TextFolding.Fold(original);
            if (folded.Count < MaxCached)
            {
                folded[original] = result;
            }
        }

        term.SetEmpty().Append(result);
        return true;
    }
}
