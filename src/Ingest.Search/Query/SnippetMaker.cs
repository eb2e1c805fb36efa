using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// The best passage of each hit's text for the query, matched words in &lt;mark&gt;, found from the
/// offsets the index keeps with each word's positions (the text field is indexed with offsets): no
/// re-analysis of the stored text, which cost about two thirds of a ten-hit query. Offsets point into
/// the stored original, so the passage keeps its diacritics whatever the query's spelling. The passage
/// is the window of <see cref="FragmentChars"/> holding the heaviest set of distinct query words and
/// phrases (<see cref="SnippetTerms"/>); with nothing to mark, the document's opening lines.
/// </summary>
internal sealed class SnippetMaker(IndexSearcher searcher, SnippetTerms terms)
{
    private const int FragmentChars = 160;

    // Context shown before the first marked word of the passage.
    private const int LeadChars = 24;

    // A word that occurs thousands of times in one document need not be looked at beyond its first few hundred.
    private const int MaxOccurrences = 512;

    private readonly record struct Match(int Start, int End, int Unit);

    /// <param name="hits">Each hit's global document number and stored text, in rank order.</param>
    /// <returns>One snippet per hit, in the same order.</returns>
    public string[] For(IReadOnlyList<(int Doc, string Text)> hits)
    {
        var snippets = new string[hits.Count];
        var occurrences = terms.Units.Count == 0 ? null : Occurrences(hits.Select(h => h.Doc).ToList());
        for (var i = 0; i < hits.Count; i++)
        {
            var matches = occurrences is null ? [] : Matches(occurrences[i]);
            snippets[i] = Render(hits[i].Text, matches);
        }

        return snippets;
    }

    /// <summary>Per hit, per term: (position, start, end) of each occurrence, read from the postings segment by segment in document order.</summary>
    private List<(int Position, int Start, int End)>[][] Occurrences(IReadOnlyList<int> docs)
    {
        var result = docs.Select(_ => terms.Terms.Select(_ => new List<(int, int, int)>()).ToArray()).ToArray();
        var leaves = searcher.IndexReader.Leaves;
        foreach (var bySegment in Enumerable.Range(0, docs.Count).GroupBy(i => ReaderUtil.SubIndex(docs[i], leaves)))
        {
            var leaf = leaves[bySegment.Key];
            var ordered = bySegment.OrderBy(i => docs[i]).ToList();
            var termsEnum = leaf.AtomicReader.GetTerms(IndexFields.Text)?.GetEnumerator();
            if (termsEnum is null)
            {
                continue;
            }

            for (var t = 0; t < terms.Terms.Count; t++)
            {
                if (!termsEnum.SeekExact(terms.Terms[t].Bytes) ||
                    termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS) is not { } postings)
                {
                    continue;
                }

                foreach (var i in ordered)
                {
                    var doc = docs[i] - leaf.DocBase;
                    if (postings.DocID < doc && postings.Advance(doc) == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (postings.DocID != doc)
                    {
                        continue;
                    }

                    var list = result[i][t];
                    for (var n = Math.Min(postings.Freq, MaxOccurrences); n > 0; n--)
                    {
                        var position = postings.NextPosition();
                        if (postings.StartOffset >= 0)
                        {
                            list.Add((position, postings.StartOffset, postings.EndOffset));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Where each unit occurs in one hit: a word wherever it is, a phrase where its words stand at its relative positions.</summary>
    private List<Match> Matches(List<(int Position, int Start, int End)>[] byTerm)
    {
        var matches = new List<Match>();
        for (var u = 0; u < terms.Units.Count; u++)
        {
            var unit = terms.Units[u];
            var first = byTerm[unit.TermIndexes[0]];
            if (unit.TermIndexes.Length == 1)
            {
                matches.AddRange(first.Select(o => new Match(o.Start, o.End, u)));
                continue;
            }

            foreach (var (position, start, end) in first)
            {
                var (from, to, whole) = (start, end, true);
                for (var k = 1; k < unit.TermIndexes.Length && whole; k++)
                {
                    var wanted = position + unit.Positions[k] - unit.Positions[0];
                    var found = byTerm[unit.TermIndexes[k]].FindIndex(o => o.Position == wanted);
                    whole = found >= 0;
                    if (whole)
                    {
                        from = Math.Min(from, byTerm[unit.TermIndexes[k]][found].Start);
                        to = Math.Max(to, byTerm[unit.TermIndexes[k]][found].End);
                    }
                }

                if (whole)
                {
                    matches.Add(new Match(from, to, u));
                }
            }
        }

        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return matches;
    }

    private string Render(string text, List<Match> matches)
    {
        if (matches.Count == 0)
        {
            // Nothing in the text matched (an empty query, a filter or number alone): the opening lines say what the document is.
            return Collapse(text, 0, Math.Min(text.Length, FragmentChars), []);
        }

        var (first, last) = BestWindow(matches);
        var start = Math.Max(0, matches[first].Start - LeadChars);
        if (start > 0)
        {
            // Begin at a word: after the first space in the lead, if there is one before the match.
            var space = text.IndexOf(' ', start, matches[first].Start - start);
            start = space >= 0 ? space + 1 : matches[first].Start;
        }

        var end = Math.Min(text.Length, Math.Max(start + FragmentChars, matches[last].End));
        if (end < text.Length)
        {
            // End at a word: before the last space after the last marked word, if there is one.
            var space = text.LastIndexOf(' ', end - 1, end - matches[last].End);
            end = space >= 0 ? space : end;
        }

        var marked = new List<Match>();
        foreach (var match in matches.Skip(first).TakeWhile(m => m.End <= end))
        {
            // A word inside a phrase already marked is not marked twice.
            if (marked.Count == 0 || match.Start >= marked[^1].End)
            {
                marked.Add(match);
            }
        }

        return Collapse(text, start, end, marked);
    }

    /// <summary>The run of matches starting at <c>first</c> and fitting in one fragment whose distinct units weigh most (ties: the earliest).</summary>
    private (int First, int Last) BestWindow(List<Match> matches)
    {
        var best = (First: 0, Last: 0, Score: -1.0);
        var units = new HashSet<int>();
        for (var i = 0; i < matches.Count; i++)
        {
            units.Clear();
            var score = 0.0;
            var last = i;
            var limit = Math.Max(0, matches[i].Start - LeadChars) + FragmentChars;
            for (var j = i; j < matches.Count && matches[j].End <= Math.Max(limit, matches[i].End); j++)
            {
                if (units.Add(matches[j].Unit))
                {
                    score += terms.Units[matches[j].Unit].Weight;
                }

                last = j;
            }

            if (score > best.Score)
            {
                best = (i, last, score);
            }
        }

        return (best.First, best.Last);
    }

    /// <summary>text[start..end] HTML-escaped, runs of white space as one space, the matches in &lt;mark&gt;.</summary>
    private static string Collapse(string text, int start, int end, List<Match> marks)
    {
        var snippet = new StringBuilder(end - start + 16 * marks.Count + 8);
        var next = 0;
        var space = false;
        for (var i = start; i < end; i++)
        {
            if (next < marks.Count && i == marks[next].Start)
            {
                Flush();
                snippet.Append("<mark>");
            }

            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else
            {
                Flush();
                PlainHtmlEncoder.Append(snippet, c);
            }

            if (next < marks.Count && i == marks[next].End - 1)
            {
                snippet.Append("</mark>");
                next++;
            }
        }

        return snippet.ToString();

        void Flush()
        {
            if (space && snippet.Length > 0)
            {
                snippet.Append(' ');
            }

            space = false;
        }
    }
}
