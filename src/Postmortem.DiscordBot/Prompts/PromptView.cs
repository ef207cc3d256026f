using System.Globalization;
using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// Prompt messages: one per section or question, with the template's prompt and guidance, a preview of the
/// current answer and the buttons Answer, Skip for now, Next (and Show full answer when the preview is cut).
/// A plain reply to the message also answers it. Everything needed later is in the custom ids.
/// </summary>
public sealed class PromptView(IEnumerable<IPromptRenderer> renderers)
{
    public const string AnswerPrefix = "answer";
    public const string SkipPrefix = "skip";
    public const string NextPrefix = "next";
    public const string ShowPrefix = "show";

    /// <summary>The longest preview of an answer a prompt shows; longer answers get Show full answer.</summary>
    public const int MaxPreview = 1500;

    // Room kept free for the closing fence Contain may add and the " …" of a cut preview.
    private const int Slack = 16;

    private readonly IPromptRenderer[] _renderers = [.. renderers];

    public MessagePayload Render(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(prompt);
        foreach (var renderer in _renderers)
        {
            if (renderer.TryRender(postmortem, template, prompt) is { } custom)
            {
                return custom;
            }
        }

        var items = TemplateItems.Of(template);
        return prompt.Kind == PromptKind.Answer && items.Find(prompt.SectionKey) is { IsAnswerable: true } item
            ? RenderAnswer(postmortem, items, item, prompt)
            : RenderGeneric(postmortem, items, template, prompt);
    }

    /// <summary>Redraws the prompt of one section or question (after an answer, a skip, a reply).</summary>
    public MessagePayload Render(Core.Postmortem postmortem, PostmortemTemplate template, TemplateItem item) =>
        Render(postmortem, template, PromptNavigator.PromptFor(postmortem, template, item));

    private static MessagePayload RenderAnswer(Core.Postmortem postmortem, TemplateItems items, TemplateItem item, FacilitatorPrompt prompt)
    {
        var header = new StringBuilder()
            .Append("**").Append((item.Index + 1).ToString(CultureInfo.InvariantCulture)).Append('/')
            .Append(items.All.Count.ToString(CultureInfo.InvariantCulture)).Append(" · ").Append(item.Title).AppendLine("**")
            .AppendLine(prompt.Text);
        if (prompt.Guidance.Length > 0)
        {
            header.Append("-# ").AppendLine(prompt.Guidance);
        }

        if (postmortem.IsReadOnly)
        {
            header.AppendLine("-# 🔒 This postmortem is final and read-only.");
        }

        header.AppendLine();
        var section = postmortem.FindSection(item.Key);
        var reference = items.Ref(item.Key);
        var buttons = new List<Component>
        {
            Button.Primary(CustomId.For(AnswerPrefix, postmortem.Id, reference), section is { HasText: true } ? "Edit answer" : "Answer"),
            Button.Secondary(CustomId.For(SkipPrefix, postmortem.Id, reference), "Skip for now"),
            Button.Secondary(CustomId.For(NextPrefix, postmortem.Id, reference), "Next"),
        };

        var (body, cut) = AnswerBody(section, DiscordLimits.MessageContent - header.Length - Slack);
        if (cut)
        {
            buttons.Add(Button.Secondary(CustomId.For(ShowPrefix, postmortem.Id, reference), "Show full answer"));
        }

        return new MessagePayload { Content = header + body, Components = [new ActionRow(buttons)] };
    }

    private static (string Body, bool Cut) AnswerBody(SectionAnswer? section, int budget)
    {
        if (section?.Current is not { } current)
        {
            return (section is { Skipped: true }
                ? "_Skipped for now._ Answer it whenever you are ready: press **Answer** or reply to this message."
                : "_No answer yet._ Press **Answer**, or reply to this message.", false);
        }

        var info = (section.Skipped ? "_Skipped for now._\n" : "")
            + $"**Current answer** · revision {current.Number} by {DiscordMarkdown.Escape(current.Author.DisplayName, singleLine: true)}"
            + $" · {current.Text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters";
        var room = Math.Min(budget - info.Length - 8, MaxPreview);
        if (current.Text.Length <= room)
        {
            return (info + "\n>>> " + DiscordMarkdown.Contain(current.Text), false);
        }

        var note = "\n-# Showing the first {0}; **Show full answer** shows all of it.\n>>> ";
        var preview = Cut(current.Text, room - note.Length - 8);
        return (info + string.Format(CultureInfo.InvariantCulture, note, preview.Length.ToString("N0", CultureInfo.InvariantCulture))
            + DiscordMarkdown.Contain(preview + " …"), true);
    }

    private static MessagePayload RenderGeneric(Core.Postmortem postmortem, TemplateItems items, PostmortemTemplate template, FacilitatorPrompt prompt)
    {
        var text = new StringBuilder()
            .Append("**").Append(DiscordMarkdown.Escape(prompt.Title, singleLine: true)).AppendLine("**")
            .AppendLine(DiscordMarkdown.Contain(DiscordMarkdown.Truncate(prompt.Text, 1200)));
        if (prompt.Guidance.Length > 0)
        {
            text.Append("-# ").AppendLine(DiscordMarkdown.Truncate(prompt.Guidance, 400));
        }

        var buttons = new List<Component>();
        if (prompt.Kind != PromptKind.Review && template.IsSkippable(prompt.SectionKey))
        {
            if (prompt.Kind != PromptKind.Answer)
            {
                text.AppendLine("-# This part has its own commands; **Next** moves on.");
            }

            var reference = items.Ref(prompt.SectionKey);
            buttons.Add(Button.Secondary(CustomId.For(SkipPrefix, postmortem.Id, reference), "Skip for now"));
            buttons.Add(Button.Secondary(CustomId.For(NextPrefix, postmortem.Id, reference), "Next"));
        }

        return new MessagePayload
        {
            Content = text.ToString().TrimEnd(),
            Components = buttons.Count == 0 ? [] : [new ActionRow(buttons)],
        };
    }

    /// <summary>The start of <paramref name="text"/>, cut at a paragraph, line or word break within <paramref name="max"/>.</summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var window = text.AsSpan(0, max);
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at >= max / 2)
            {
                return window[..at].TrimEnd().ToString();
            }
        }

        return char.IsHighSurrogate(window[^1]) ? window[..^1].ToString() : window.ToString();
    }
}
