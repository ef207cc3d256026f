using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>
/// Rewrites people in narrative text: chat mentions become "@Name" for known people; when names are kept out,
/// every mention, @handle and known participant name becomes the role that person played in the postmortem ("the
/// facilitator") or "a team member". Several in a row are counted, never repeated: "Tomasz and Mei paired" becomes
/// "two team members paired", not "a team member and a team member paired".
/// </summary>
internal sealed partial class NameScrubber
{
    public const string Neutral = "a team member";

    public const string FacilitatorRole = "the facilitator";

    // Stand-ins while the text is rewritten, so that a run of people can be counted before it is put into words.
    private const char MemberMark = '\uE000';
    private const char FacilitatorMark = '\uE001';

    private static readonly string[] _counts = ["", "a team member", "two team members", "three team members", "four team members"];

    private readonly bool _keepNamesOut;
    private readonly Dictionary<string, string> _namesById;
    private readonly Dictionary<string, char> _markById;
    private readonly Dictionary<string, char> _markByName;
    private readonly Regex? _knownNames;

    public NameScrubber(UserRef facilitator, IEnumerable<UserRef> people, bool keepNamesOut)
    {
        ArgumentNullException.ThrowIfNull(facilitator);
        _keepNamesOut = keepNamesOut;
        var list = people.Prepend(facilitator).ToList();
        _namesById = list.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().DisplayName, StringComparer.Ordinal);
        _markById = list.Select(p => p.Id).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => id == facilitator.Id ? FacilitatorMark : MemberMark, StringComparer.Ordinal);
        _markByName = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in list)
        {
            var name = person.DisplayName.Trim();
            if (name.Length > 1)
            {
                // A name two people share cannot say which role it played.
                var mark = _markById[person.Id];
                _markByName[name] = _markByName.TryGetValue(name, out var seen) && seen != mark ? MemberMark : mark;
            }
        }

        var names = _markByName.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape).ToList();
        if (keepNamesOut && names.Count > 0)
        {
            _knownNames = new Regex(
                $@"(?<![\w@]){"(?:" + string.Join('|', names) + ")"}(?!\w)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
    }

    public string Scrub(string text)
    {
        if (!_keepNamesOut)
        {
            return Mention().Replace(text, m => _namesById.TryGetValue(m.Groups["id"].Value, out var name) ? "@" + name : m.Value);
        }

        text = Mention().Replace(text, m => _markById.GetValueOrDefault(m.Groups["id"].Value, MemberMark).ToString());
        text = RoleMention().Replace(text, MemberMark.ToString());
        text = Handle().Replace(text, m => _markByName.GetValueOrDefault(m.Value[1..], MemberMark).ToString());
        if (_knownNames is not null)
        {
            text = _knownNames.Replace(text, m => _markByName.GetValueOrDefault(m.Value, MemberMark).ToString());
        }

        return text.Contains(MemberMark, StringComparison.Ordinal) || text.Contains(FacilitatorMark, StringComparison.Ordinal)
            ? Run().Replace(text, Describe)
            : text;
    }

    /// <summary>"the facilitator", "a team member", "two team members", "the facilitator and a team member".</summary>
    private static string Describe(Match run)
    {
        var members = run.Value.Count(c => c == MemberMark);
        var facilitator = run.Value.Contains(FacilitatorMark, StringComparison.Ordinal);
        var words = new StringBuilder();
        if (facilitator)
        {
            words.Append(FacilitatorRole);
        }

        if (members > 0)
        {
            words.Append(facilitator ? " and " : "").Append(members < _counts.Length ? _counts[members] : "several team members");
        }

        var text = words.ToString();
        return AtSentenceStart(run) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static bool AtSentenceStart(Match run)
    {
        var before = run.Index - 1;
        var input = run.Result("$`");
        while (before >= 0 && input[before] is ' ' or '*' or '_' or '>' or '-' or '#')
        {
            before--;
        }

        return before < 0 || input[before] is '.' or '!' or '?' or '\n' or '|';
    }

    [GeneratedRegex(@"<@!?(?<id>\d{1,20})>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"<@&\d{1,20}>")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"(?<![\w.@/+\-])@(?!(?:here|everyone|channel)\b)(?>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*)(?![/@])")]
    private static partial Regex Handle();

    // People next to each other: "A and B", "A, B and C", "A, B, and C", "A & B", "A/B"; not "A, and B's review"
    // (a comma before "and" with nothing between joins clauses, not people).
    [GeneratedRegex("[\uE000\uE001](?:(?:,\\s*[\uE000\uE001])+,?\\s+and\\s+[\uE000\uE001]|\\s+and\\s+[\uE000\uE001]|(?:\\s*[&/]\\s*[\uE000\uE001])+)?")]
    private static partial Regex Run();
}
