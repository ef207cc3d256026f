using System.Text.RegularExpressions;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Export;

/// <summary>
/// Rewrites chat mentions in narrative text: to "@Name" for known people, or (when names are kept out) every
/// mention, @handle and known participant name to a neutral "a team member".
/// </summary>
internal sealed partial class NameScrubber
{
    public const string Neutral = "a team member";

    private readonly bool _keepNamesOut;
    private readonly Dictionary<string, string> _namesById;
    private readonly Regex? _knownNames;

    public NameScrubber(IEnumerable<UserRef> people, bool keepNamesOut)
    {
        _keepNamesOut = keepNamesOut;
        var list = people.ToList();
        _namesById = list.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().DisplayName, StringComparer.Ordinal);
        var names = list.Select(p => p.DisplayName.Trim()).Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).Select(Regex.Escape).ToList();
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
        text = Mention().Replace(text, m =>
            _keepNamesOut ? Neutral
            : _namesById.TryGetValue(m.Groups["id"].Value, out var name) ? "@" + name
            : m.Value);
        if (!_keepNamesOut)
        {
            return text;
        }

        text = Handle().Replace(text, Neutral);
        return _knownNames?.Replace(text, Neutral) ?? text;
    }

    [GeneratedRegex(@"<@!?(?<id>\d{1,20})>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w.@/+\-])@(?!(?:here|everyone|channel)\b)(?>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*)(?![/@])")]
    private static partial Regex Handle();
}
