using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PlanIngest.Search.Index;

namespace PlanIngest.Search.Query;

/// <summary>
/// The hits of a query that matches everything (<see cref="MatchAllDocsQuery"/>, the page's first view):
/// every document scores alike, so the ranking is the id order, and the first <c>wanted</c> are read off the
/// segments' documents in id order (<see cref="SegmentIdOrder"/>), merged by id, without visiting the rest.
/// Each hit's score is the one the query's own scorer gives it.
/// </summary>
internal static class FirstById
{
    public static List<HitCollector.Hit> Hits(PlanIndexSearcher searcher, Weight weight, int wanted)
    {
        var leaves = searcher.IndexReader.Leaves;
        var ids = leaves.Select(l => l.AtomicReader.GetSortedDocValues(IndexFields.IdOrder)).ToArray();
        var heads = new PriorityQueue<(int Leaf, int Position), (BytesRef Id, int Leaf)>(
            Comparer<(BytesRef Id, int Leaf)>.Create(static (a, b) => a.Id.CompareTo(b.Id) is var c && c != 0 ? c : a.Leaf.CompareTo(b.Leaf)));
        for (var s = 0; s < leaves.Count; s++)
        {
            Enqueue(s, 0);
        }

        var hits = new List<HitCollector.Hit>();
        while (hits.Count < wanted && heads.TryDequeue(out var head, out var key))
        {
            var leaf = leaves[head.Leaf];
            var doc = searcher.IdOrders[head.Leaf].DocsInOrder[head.Position];
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            var score = scorer is not null && scorer.Advance(doc) == doc ? scorer.GetScore() : 0f;
            hits.Add(new HitCollector.Hit(score, leaf.DocBase + doc, key.Id));
            Enqueue(head.Leaf, head.Position + 1);
        }

        return hits;

        // The segment's next live document in id order, from position on.
        void Enqueue(int s, int position)
        {
            var order = searcher.IdOrders[s];
            var live = leaves[s].AtomicReader.LiveDocs;
            while (position < order.DocsInOrder.Length && live is not null && !live.Get(order.DocsInOrder[position]))
            {
                position++;
            }

            if (position < order.DocsInOrder.Length)
            {
                var id = new BytesRef();
                var ord = order.OrdOf[order.DocsInOrder[position]];
                if (ord >= 0)
                {
                    ids[s]!.LookupOrd(ord, id);
                }

                heads.Enqueue((s, position), (BytesRef.DeepCopyOf(id), s));
            }
        }
    }
}
