namespace Postmortem.Core.Templates;

/// <summary>A postmortem template: the sections in order, with chat-friendly prompts and guidance.</summary>
public sealed class PostmortemTemplate(string id, string name, IReadOnlyList<TemplateSection> sections)
{
    private readonly Dictionary<string, TemplateSection> _sectionsByKey =
        sections.ToDictionary(s => s.Key, StringComparer.Ordinal);

    private readonly Dictionary<string, TemplateQuestion> _questionsByKey =
        sections.SelectMany(s => s.Questions).ToDictionary(q => q.Key, StringComparer.Ordinal);

    public string Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyList<TemplateSection> Sections { get; } = sections;

    public TemplateSection? FindSection(string key) => _sectionsByKey.GetValueOrDefault(key);

    public TemplateQuestion? FindQuestion(string key) => _questionsByKey.GetValueOrDefault(key);

    /// <summary>The first section of a kind (e.g. where the Five Whys live), or null.</summary>
    public TemplateSection? FirstOfKind(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    /// <summary>True for keys answered with AnswerSection: text sections and questions.</summary>
    public bool IsAnswerable(string key) =>
        _questionsByKey.ContainsKey(key) || _sectionsByKey.GetValueOrDefault(key) is { Kind: SectionKind.Text };

    /// <summary>True for keys that may be skipped: any section or question.</summary>
    public bool IsSkippable(string key) => _sectionsByKey.ContainsKey(key) || _questionsByKey.ContainsKey(key);
}

/// <summary>
/// One section: a stable <c>Key</c> (<c>summary</c>, <c>incident-response</c>), the <c>Prompt</c> the facilitator
/// asks in a chat-friendly sentence and short <c>Guidance</c> quoting the template's own rules.
/// </summary>
public sealed record TemplateSection(
    string Key,
    string Title,
    SectionKind Kind,
    string Prompt,
    string Guidance,
    SectionRules Rules,
    IReadOnlyList<TemplateQuestion> Questions);

/// <summary>
/// One question of a questions section (key e.g. <c>incident-response.detection</c>). "How would you have cut it
/// in half" questions name the timeline <c>Figure</c> to quote; once it is known <c>PromptWithFigure</c> is used,
/// with <c>{duration}</c> and <c>{half}</c> replaced.
/// </summary>
public sealed record TemplateQuestion(
    string Key,
    string Title,
    string Prompt,
    string Guidance,
    TimelineFigure? Figure = null,
    string? PromptWithFigure = null);

/// <summary>Optional checks the linter applies to a text section.</summary>
public sealed record SectionRules(int? MinParagraphs = null, int? MaxParagraphs = null, int? MinItems = null)
{
    public static SectionRules None { get; } = new();
}

/// <summary>A figure derived from the timeline that a question can quote.</summary>
public enum TimelineFigure
{
    TimeToDetect,
    TimeToMitigate,
    EventDuration,
}
