using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// What to ask next. From a prompt: the next part after it (template order) that has nothing yet and is not
/// skipped; at the end of the template, or without a starting point, whatever the facilitator asks next
/// (unanswered whys, root causes, corrective actions, …, then review).
/// </summary>
public static class PromptNavigator
{
    public static FacilitatorPrompt Next(Core.Postmortem postmortem, PostmortemTemplate template, string? afterKey = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        var items = TemplateItems.Of(template);
        var start = afterKey is not null && items.Find(afterKey) is { } current ? current.Index + 1 : items.All.Count;
        for (var i = start; i < items.All.Count; i++)
        {
            if (IsOpen(postmortem, items.All[i]))
            {
                return PromptFor(postmortem, template, items.All[i]);
            }
        }

        return Facilitator.NextPrompt(postmortem, template);
    }

    /// <summary>The prompt for one part, whatever its state (used to redraw a prompt message).</summary>
    public static FacilitatorPrompt PromptFor(Core.Postmortem postmortem, PostmortemTemplate template, TemplateItem item)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Question is { } question)
        {
            return new FacilitatorPrompt(
                PromptKind.Answer, question.Key, question.Title, Facilitator.QuestionText(question, postmortem.TimelineFigures), question.Guidance);
        }

        var section = item.Section;
        var kind = section.Kind switch
        {
            SectionKind.Metrics => PromptKind.Metric,
            SectionKind.Timeline => PromptKind.Timeline,
            SectionKind.Whys => PromptKind.FirstWhy,
            SectionKind.Actions => PromptKind.Lesson,
            _ => PromptKind.Answer,
        };
        return new FacilitatorPrompt(kind, section.Key, section.Title, section.Prompt, section.Guidance);
    }

    /// <summary>Nothing written and not skipped (mirrors the facilitator's first pass).</summary>
    public static bool IsOpen(Core.Postmortem postmortem, TemplateItem item)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(item);
        if (postmortem.FindSection(item.Section.Key) is { Skipped: true } || postmortem.FindSection(item.Key) is { Skipped: true })
        {
            return false;
        }

        return item.Section.Kind switch
        {
            _ when item.IsAnswerable => postmortem.FindSection(item.Key) is not { HasText: true },
            SectionKind.Metrics => postmortem.Metrics.Count == 0,
            SectionKind.Timeline => postmortem.TimelineFigures is { EventStart: null } or { EventEnd: null },
            SectionKind.Whys => !postmortem.Whys.Any(w => !postmortem.IsHidden(w)),
            SectionKind.Actions => !postmortem.Lessons.Any(l => !l.Retracted),
            _ => false,
        };
    }
}
