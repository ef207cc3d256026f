using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>
/// The Metrics/Graphs prompt: the template's question, the graphs and tables so far, and how to add one (reply
/// with an image, <c>/postmortem metric image</c>, or Add table), with Skip for now and Next.
/// </summary>
public sealed class MetricsPrompt : IPromptRenderer
{
    private const int Listed = 10;

    public MessagePayload? TryRender(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Kind != PromptKind.Metric)
        {
            return null;
        }

        var text = new StringBuilder()
            .Append("**").Append(DiscordMarkdown.Escape(prompt.Title, singleLine: true)).AppendLine("**")
            .AppendLine(DiscordMarkdown.Truncate(prompt.Text, 800));
        if (prompt.Guidance.Length > 0)
        {
            text.Append("-# ").AppendLine(DiscordMarkdown.Truncate(prompt.Guidance, 400));
        }

        text.AppendLine();
        if (postmortem.Metrics.Count == 0)
        {
            text.AppendLine("_Nothing yet._");
        }

        foreach (var item in postmortem.Metrics.Take(Listed))
        {
            text.Append("• ").AppendLine(MetricsView.Describe(item));
        }

        if (postmortem.Metrics.Count > Listed)
        {
            text.Append("…and ").Append(postmortem.Metrics.Count - Listed).AppendLine(" more.");
        }

        text.AppendLine("-# **Reply to this message with an image** to add it, use `/postmortem metric image` (upload or link), or **Add table** for a Markdown table.");
        if (postmortem.IsReadOnly)
        {
            text.AppendLine("-# 🔒 This postmortem is final and read-only.");
        }

        var reference = TemplateItems.Of(template).Ref(prompt.SectionKey);
        var buttons = new List<Component> { Button.Primary(CustomId.For(MetricTableModal.Prefix, postmortem.Id), "Add table") };
        if (template.IsSkippable(prompt.SectionKey))
        {
            buttons.Add(Button.Secondary(CustomId.For(PromptView.SkipPrefix, postmortem.Id, reference), "Skip for now"));
        }

        buttons.Add(Button.Secondary(CustomId.For(PromptView.NextPrefix, postmortem.Id, reference), "Next"));
        return new MessagePayload { Content = DiscordMarkdown.Truncate(text.ToString().TrimEnd(), DiscordLimits.MessageContent), Components = [new ActionRow(buttons)] };
    }
}
