using System.Globalization;
using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// The prompts of the last part of the template: add a lesson (reflecting the root causes found), a corrective
/// action for a lesson, an action item for a corrective action. Each has a button opening a short form; the
/// commands (<c>/postmortem lesson</c>, <c>/postmortem action</c>) do the same and more.
/// </summary>
public sealed class LessonsPrompt : IPromptRenderer
{
    public MessagePayload? TryRender(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Kind is not (PromptKind.Lesson or PromptKind.CorrectiveAction or PromptKind.ActionItem))
        {
            return null;
        }

        var reference = TemplateItems.Of(template).Ref(prompt.SectionKey);
        var text = new StringBuilder();
        var buttons = new List<Component>();
        switch (prompt.Kind)
        {
            case PromptKind.CorrectiveAction when prompt.TargetId is { } lessonId && postmortem.FindLesson(lessonId) is { } lesson:
                text.Append("**Lessons › Lesson ").Append(lesson.Label).AppendLine("** needs a corrective action")
                    .AppendLine(DiscordMarkdown.Escape(DiscordMarkdown.Truncate(prompt.Text, 1200)));
                buttons.Add(Button.Primary(CustomId.For(LessonModals.CorrectivePrefix, postmortem.Id, Id(lesson.Id)), "Add corrective action"));
                break;
            case PromptKind.ActionItem when prompt.TargetId is { } actionId && postmortem.FindCorrectiveAction(actionId) is { } action:
                text.Append("**Lessons › Corrective action ").Append(action.Label).AppendLine("** needs an action item")
                    .AppendLine(DiscordMarkdown.Escape(DiscordMarkdown.Truncate(prompt.Text, 1200)))
                    .AppendLine("-# **I'll own one** adds an item you own; `/postmortem action item` assigns it to someone else.");
                buttons.Add(Button.Primary(CustomId.For(LessonModals.ItemPrefix, postmortem.Id, Id(action.Id)), "I'll own one"));
                break;
            default:
                text.Append("**").Append(DiscordMarkdown.Escape(prompt.Title, singleLine: true)).AppendLine("**")
                    .AppendLine(DiscordMarkdown.Truncate(prompt.Text, 800));
                var rootCauses = WhyTree.Build(postmortem).RootCauses.Select(a => a.Label).ToList();
                var lessons = postmortem.Lessons.Count(l => !l.Retracted);
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"-# {lessons} {(lessons == 1 ? "lesson" : "lessons")} so far.")
                    + (rootCauses.Count > 0 ? $" Root causes to reflect: {string.Join(", ", rootCauses.Take(20))}." : " No root causes are marked yet."));
                buttons.Add(Button.Primary(CustomId.For(LessonModals.LessonPrefix, postmortem.Id), "Add lesson"));
                if (template.IsSkippable(prompt.SectionKey))
                {
                    buttons.Add(Button.Secondary(CustomId.For(PromptView.SkipPrefix, postmortem.Id, reference), "Skip for now"));
                }

                break;
        }

        if (prompt.Guidance.Length > 0)
        {
            text.Append("-# ").AppendLine(DiscordMarkdown.Truncate(prompt.Guidance, 400));
        }

        text.AppendLine("-# `/postmortem actions` shows every lesson, corrective action and action item.");
        if (postmortem.IsReadOnly)
        {
            text.AppendLine("-# 🔒 This postmortem is final and read-only.");
        }

        buttons.Add(Button.Secondary(CustomId.For(PromptView.NextPrefix, postmortem.Id, reference), "Next"));
        return new MessagePayload { Content = DiscordMarkdown.Truncate(text.ToString().TrimEnd(), DiscordLimits.MessageContent), Components = [new ActionRow(buttons)] };
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
