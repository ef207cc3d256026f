using System.Globalization;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// The modal for answering a section or question, pre-filled with the current text so answering again edits it.
/// Its custom id (<c>ans:{postmortem}:{section}:{revision}</c>) carries the revision the user saw, which the engine
/// uses to detect that someone else saved in the meantime. Opened from a private message (Merge after a conflict),
/// it also carries the prompt message to redraw: <c>ans:{postmortem}:{section}:{revision}:{prompt message}</c>.
/// </summary>
public static class AnswerModal
{
    public const string Prefix = "ans";
    public const string TextField = "text";

    public static ModalData Build(
        PostmortemId postmortemId, string reference, TemplateItem item, string? currentText, int revision, string prompt, string? promptMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = item.Question?.Title ?? item.Section.Title;
        var input = new TextInput
        {
            CustomId = TextField,
            Style = TextInputStyle.Paragraph,
            MinLength = 1,
            MaxLength = DiscordLimits.ModalTextInput,
            Required = true,
            Value = string.IsNullOrEmpty(currentText) ? null : DiscordMarkdown.Truncate(currentText, DiscordLimits.ModalTextInput),
            Placeholder = DiscordMarkdown.Truncate(prompt, 100),
        };
        return new ModalData(
            CustomId.For(Prefix, postmortemId, [reference, revision.ToString(CultureInfo.InvariantCulture), .. promptMessageId is null ? [] : new[] { promptMessageId }]),
            DiscordMarkdown.Truncate(title, DiscordLimits.ModalTitle),
            [
                new Label(DiscordMarkdown.Truncate(title, DiscordLimits.LabelText), input)
                {
                    Description = (item.Question?.Guidance ?? item.Section.Guidance) is { Length: > 0 } guidance
                        ? DiscordMarkdown.Truncate(guidance, DiscordLimits.LabelDescription)
                        : null,
                },
            ]);
    }
}
