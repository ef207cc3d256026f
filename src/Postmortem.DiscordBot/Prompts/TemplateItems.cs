using System.Globalization;
using System.Runtime.CompilerServices;
using Postmortem.Core.Templates;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>One thing the guided flow asks about: a section, or one question of a questions section.</summary>
public sealed record TemplateItem(int Index, string Key, TemplateSection Section, TemplateQuestion? Question)
{
    /// <summary>Answered with text (AnswerSection): text sections and questions.</summary>
    public bool IsAnswerable => Question is not null || Section.Kind == SectionKind.Text;

    public string Title => Question is null ? Section.Title : $"{Section.Title} › {Question.Title}";
}

/// <summary>
/// A template flattened into the order the guided flow walks it (each section, with questions in place of their
/// section), plus the short references custom ids use for its keys.
/// </summary>
public sealed class TemplateItems
{
    // Keys this long would crowd the 100-character custom id; they travel as "~{index}" instead.
    private const int MaxKeyInCustomId = 48;
    private const char IndexMarker = '~';

    private static readonly ConditionalWeakTable<PostmortemTemplate, TemplateItems> _cache = [];

    private readonly Dictionary<string, TemplateItem> _byKey;

    private TemplateItems(PostmortemTemplate template)
    {
        var items = new List<TemplateItem>();
        foreach (var section in template.Sections)
        {
            if (section.Kind == SectionKind.Questions)
            {
                items.AddRange(section.Questions.Select(q => new TemplateItem(items.Count, q.Key, section, q)));
            }
            else
            {
                items.Add(new TemplateItem(items.Count, section.Key, section, null));
            }
        }

        All = items;
        _byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<TemplateItem> All { get; }

    public static TemplateItems Of(PostmortemTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return _cache.GetValue(template, t => new TemplateItems(t));
    }

    public TemplateItem? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The key as it goes into a custom id.</summary>
    public string Ref(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= MaxKeyInCustomId || Find(key) is not { } item
            ? key
            : IndexMarker + item.Index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The item a custom id reference names, or null.</summary>
    public TemplateItem? Resolve(string reference)
    {
        if (reference.Length > 1 && reference[0] == IndexMarker)
        {
            return int.TryParse(reference.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < All.Count
                ? All[index]
                : null;
        }

        return Find(reference);
    }
}
