using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// The Five Whys prompts in the postmortem's thread: ask a (first) why, answer the why the facilitator picked, or
/// mark root causes. The whys themselves live in the whys thread, linked from the dashboard.
/// </summary>
public sealed class WhysPrompt : IPromptRenderer
{
    public MessagePayload? TryRender(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Kind is not (PromptKind.FirstWhy or PromptKind.AnswerWhy or PromptKind.RootCause))
        {
            return null;
        }

        var tree = WhyTree.Build(postmortem);
        var text = new StringBuilder();
        var buttons = new List<Component>();
        var reference = TemplateItems.Of(template).Ref(prompt.SectionKey);
        switch (prompt.Kind)
        {
            case PromptKind.AnswerWhy when prompt.TargetId is { } whyId && postmortem.FindWhy(whyId) is { } why:
                text.Append("**Five Whys › Why ").Append(why.Path).AppendLine("** still needs an answer:")
                    .Append("> ").AppendLine(DiscordMarkdown.Escape(PromptView.Cut(why.Question, 1200), singleLine: true));
                buttons.Add(Button.Primary(CustomId.For(WhyMessages.AnswerPrefix, postmortem.Id, WhyMessages.Id(why.Id)), $"Answer why {why.Path}"));
                break;
            case PromptKind.RootCause:
                text.Append("**Five Whys › Root causes**\n").AppendLine(prompt.Text);
                buttons.Add(Button.Primary(CustomId.For(WhysView.Prefix, postmortem.Id, "0"), "Show the whys"));
                break;
            default:
                text.Append("**").Append(DiscordMarkdown.Escape(prompt.Title, singleLine: true)).AppendLine("**").AppendLine(prompt.Text);
                buttons.Add(Button.Primary(CustomId.For(WhyButtons.FirstPrefix, postmortem.Id), tree.Whys.Count == 0 ? "Ask the first why" : "Ask another top-level why"));
                break;
        }

        if (prompt.Guidance.Length > 0)
        {
            text.Append("-# ").AppendLine(DiscordMarkdown.Truncate(prompt.Guidance, 400));
        }

        text.AppendLine(Progress(tree));
        if (postmortem.IsReadOnly)
        {
            text.AppendLine("-# 🔒 This postmortem is final and read-only.");
        }

        if (prompt.Kind == PromptKind.FirstWhy && template.IsSkippable(prompt.SectionKey))
        {
            buttons.Add(Button.Secondary(CustomId.For(PromptView.SkipPrefix, postmortem.Id, reference), "Skip for now"));
        }

        buttons.Add(Button.Secondary(CustomId.For(PromptView.NextPrefix, postmortem.Id, reference), "Next"));
        return new MessagePayload { Content = DiscordMarkdown.Truncate(text.ToString().TrimEnd(), DiscordLimits.MessageContent), Components = [new ActionRow(buttons)] };
    }

    private static string Progress(WhyTree tree)
    {
        if (tree.Whys.Count == 0)
        {
            return "-# Each why becomes a message in a **Five Whys** thread with an **Answer** button; each answer can spark further whys. "
                + "`/postmortem why ask` works too.";
        }

        var unanswered = tree.UnansweredWhys.Count();
        return FormattableString.Invariant(
            $"-# So far: {tree.Whys.Count} whys ({unanswered} unanswered), {tree.Answers.Count} answers, {tree.RootCauses.Count()} root causes. ")
            + "The Five Whys thread is linked from the dashboard; `/postmortem whys` shows the tree.";
    }
}
