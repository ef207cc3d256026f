using System.Collections.Frozen;

namespace Postmortem.Core.Blameless;

/// <summary>
/// The names the bot knows belong to people (display names and user names of the thread's members, the
/// postmortem's participants, the terminal's users), matched whatever their case: "sam forgot" is Sam.
/// Each word of a name counts on its own, so "Sam Lee" makes both "sam" and "lee" names.
/// </summary>
public sealed class KnownNames
{
    // Names that are also everyday words count only when written capitalised ("Will", not "will").
    private static readonly FrozenSet<string> _everydayWords = new[]
    {
        "will", "may", "can", "max", "min", "mark", "bill", "pat", "rob", "drew", "page", "jack", "art", "ray", "rich",
        "frank", "sky", "hope", "joy", "the", "a", "an", "and", "of", "to", "in", "on", "it", "is", "be", "so", "do",
        "go", "no", "not", "all", "new", "old", "big", "red", "dev", "ops", "bot", "admin", "test", "user", "team",
        "me", "us", "we", "i", "you", "he", "she", "they", "who", "one", "at", "by", "or", "if", "up", "out", "as",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _words;

    public KnownNames(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            foreach (var token in BlameTokenizer.Tokenize(name))
            {
                if (token.Kind == TokenKind.Word && token.Stem.Length > 1)
                {
                    words.Add(token.Stem);
                }
            }
        }

        _words = words.ToFrozenSet(StringComparer.Ordinal);
    }

    public static KnownNames None { get; } = new([]);

    public int Count => _words.Count;

    /// <summary>The people a postmortem knows (facilitator, participants, action item owners) and any others the caller adds.</summary>
    public static KnownNames Of(Postmortem postmortem, IEnumerable<string?>? more = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        IEnumerable<string?> names =
        [
            postmortem.Facilitator.DisplayName,
            .. postmortem.Participants.Select(p => p.DisplayName),
            .. postmortem.ActionItems.Select(i => i.Owner?.DisplayName),
            .. more ?? [],
        ];
        return new KnownNames(names);
    }

    /// <summary>Whether <paramref name="word"/> (lower case, without a possessive) is a person's name as written.</summary>
    internal bool Contains(string word, bool capitalised) =>
        _words.Contains(word) && (capitalised || !_everydayWords.Contains(word));
}
