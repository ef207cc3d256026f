using System.Globalization;
using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// The Timeline prompt: the template's question, how many entries there are and which points the figures still
/// need, with Add entry (a modal), Show timeline, Skip for now and Next.
/// </summary>
public sealed class TimelinePrompt : IPromptRenderer
{
    public MessagePayload? TryRender(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Kind != PromptKind.Timeline)
        {
            return null;
        }

        var section = template.FindSection(prompt.SectionKey);
        var text = new StringBuilder()
            .Append("**").Append(DiscordMarkdown.Escape(prompt.Title, singleLine: true)).AppendLine("**")
            .AppendLine(DiscordMarkdown.Truncate(section?.Prompt ?? prompt.Text, 800));
        if (prompt.Guidance.Length > 0)
        {
            text.Append("-# ").AppendLine(DiscordMarkdown.Truncate(prompt.Guidance, 400));
        }

        var count = postmortem.Timeline.Count;
        var missing = TimelineView.Missing(postmortem.TimelineFigures);
        text.AppendLine()
            .Append(count == 0 ? "_No entries yet._" : string.Create(CultureInfo.InvariantCulture, $"**{count}** {(count == 1 ? "entry" : "entries")} so far."))
            .AppendLine(missing.Count == 0 ? " Start, detection, mitigation and end are all there." : $" Still missing: {string.Join(", ", missing)}.")
            .AppendLine("-# **Add entry** or `/postmortem timeline add`; times are in the server's time zone. `/postmortem timeline show` lists them.");
        if (postmortem.IsReadOnly)
        {
            text.AppendLine("-# 🔒 This postmortem is final and read-only.");
        }

        var reference = TemplateItems.Of(template).Ref(prompt.SectionKey);
        var buttons = new List<Component>
        {
            Button.Primary(CustomId.For(TimelineEntryModal.Prefix, postmortem.Id), "Add entry"),
            Button.Secondary(CustomId.For(TimelineView.Prefix, postmortem.Id, "0"), "Show timeline"),
        };
        if (template.IsSkippable(prompt.SectionKey))
        {
            buttons.Add(Button.Secondary(CustomId.For(PromptView.SkipPrefix, postmortem.Id, reference), "Skip for now"));
        }

        buttons.Add(Button.Secondary(CustomId.For(PromptView.NextPrefix, postmortem.Id, reference), "Next"));
        return new MessagePayload { Content = text.ToString().TrimEnd(), Components = [new ActionRow(buttons)] };
    }
}
