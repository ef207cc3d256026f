using System.Collections.Frozen;

namespace Postmortem.Core.Blameless;

/// <summary>A fixed set of lower-case words, readable as a table where it is declared.</summary>
internal sealed class FrozenWords(params string[] words)
{
    private readonly FrozenSet<string> _words = words.ToFrozenSet(StringComparer.Ordinal);

    public bool Contains(string word) => _words.Contains(word);
}
