namespace PlanIngest.Extraction.Text;

/// <summary>The folded syllables as a letter trie, for searching them all against one read word at once.</summary>
internal sealed class SyllableTrie
{
    public SyllableTrie(IEnumerable<string> syllables)
    {
        foreach (var syllable in syllables)
        {
            var node = Root;
            foreach (var letter in syllable)
            {
                var index = node.Children.FindIndex(c => c.Letter == letter);
                if (index < 0)
                {
                    node.Children.Add((letter, new Node()));
                    index = node.Children.Count - 1;
                }

                node = node.Children[index].Child;
            }

            node.Syllable = syllable;
            Depth = Math.Max(Depth, syllable.Length);
        }
    }

    public Node Root { get; } = new();

    /// <summary>Letters in the longest syllable.</summary>
    public int Depth { get; }

    internal sealed class Node
    {
        public List<(char Letter, Node Child)> Children { get; } = [];

        public string? Syllable { get; set; }
    }
}
