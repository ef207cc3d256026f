using System.Collections.Frozen;

namespace Postmortem.Core.Blameless;

/// <summary>The forms of one verb, so any of them can be looked up and the rewording can use the participle.</summary>
internal sealed record VerbForms(string Base, string Past, string Participle, string Third, string Gerund);

/// <summary>Verbs by any of their forms.</summary>
internal sealed class VerbTable
{
    private readonly FrozenDictionary<string, VerbForms> _byForm;

    public VerbTable(IEnumerable<VerbForms> verbs)
    {
        var byForm = new Dictionary<string, VerbForms>(StringComparer.Ordinal);
        foreach (var verb in verbs)
        {
            foreach (var form in new[] { verb.Base, verb.Past, verb.Participle, verb.Third, verb.Gerund })
            {
                byForm.TryAdd(form, verb);
            }
        }

        _byForm = byForm.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public VerbForms? Find(string word) => _byForm.GetValueOrDefault(word);
}
