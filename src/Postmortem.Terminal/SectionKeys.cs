using Postmortem.Core.Templates;

namespace Postmortem.Terminal;

/// <summary>
/// Finds a template section or question from what a person typed: the key (<c>summary</c>,
/// <c>incident-response.detection</c>), a question's last part (<c>detection</c>), the title, or a kind
/// (<c>whys</c>, <c>actions</c>).
/// </summary>
public static class SectionKeys
{
    public static bool TryFind(PostmortemTemplate template, string input, out TemplateSection? section, out TemplateQuestion? question)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Trim();
        section = template.FindSection(text);
        question = template.FindQuestion(text);
        if (section is not null || question is not null)
        {
            return true;
        }

        var questions = template.Sections.SelectMany(s => s.Questions)
            .Where(q => q.Key.EndsWith("." + text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(q.Title, text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (questions.Count == 1)
        {
            question = questions[0];
            return true;
        }

        section = template.Sections.FirstOrDefault(s => string.Equals(s.Title, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Key, text, StringComparison.OrdinalIgnoreCase))
            ?? KindAlias(template, text);
        return section is not null;
    }

    public static string Unknown(PostmortemTemplate template, string input)
    {
        ArgumentNullException.ThrowIfNull(template);
        return $"There is no section \"{input}\". Sections: {string.Join(", ", template.Sections.Select(s => s.Key))}; "
            + $"questions: {string.Join(", ", template.Sections.SelectMany(s => s.Questions).Select(q => q.Key))}.";
    }

    private static TemplateSection? KindAlias(PostmortemTemplate template, string text) => text.ToUpperInvariant() switch
    {
        "METRICS" or "GRAPHS" => template.FirstOfKind(SectionKind.Metrics),
        "TIMELINE" => template.FirstOfKind(SectionKind.Timeline),
        "WHYS" or "FIVE-WHYS" => template.FirstOfKind(SectionKind.Whys),
        "ACTIONS" or "LESSONS" => template.FirstOfKind(SectionKind.Actions),
        "QUESTIONS" or "INCIDENT-RESPONSE" => template.FirstOfKind(SectionKind.Questions),
        _ => null,
    };
}
