using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// The two Five Whys modals: answering a why (<c>why-answer:{postmortem}:{why}</c>) and asking a why, top-level
/// (<c>why-ask:{postmortem}</c>) or sparked by an answer (<c>why-ask:{postmortem}:{answer}</c>).
/// </summary>
public static class WhyModals
{
    public const string AnswerPrefix = WhyMessages.AnswerPrefix;
    public const string AskPrefix = "why-ask";
    public const string TextField = "text";

    private const int ContextLength = 1000;

    public static ModalData Answer(PostmortemId postmortemId, Why why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new ModalData(
            CustomId.For(AnswerPrefix, postmortemId, WhyMessages.Id(why.Id)),
            DiscordMarkdown.Truncate($"Answer why {why.Path}", DiscordLimits.ModalTitle),
            [
                new TextDisplay($"**Why {why.Path}** {DiscordMarkdown.Contain(Prompts.PromptView.Cut(why.Question, ContextLength))}"),
                Input("Because…", "One answer; another cause is another answer. Describe processes, not people."),
            ]);
    }

    public static ModalData Ask(PostmortemId postmortemId, WhyAnswer? from)
    {
        if (from is null)
        {
            return new ModalData(
                CustomId.For(AskPrefix, postmortemId),
                "Ask a why",
                [Input("Why…?", "For example: why did the problem reach users?")]);
        }

        return new ModalData(
            CustomId.For(AskPrefix, postmortemId, WhyMessages.Id(from.Id)),
            DiscordMarkdown.Truncate($"Ask why about {from.Label}", DiscordLimits.ModalTitle),
            [
                new TextDisplay($"**{from.Label}** {DiscordMarkdown.Contain(Prompts.PromptView.Cut(from.Text, ContextLength))}"),
                Input("Why…?", "What made this possible? Follow the causal path."),
            ]);
    }

    private static Label Input(string label, string description) =>
        new(label, new TextInput
        {
            CustomId = TextField,
            Style = TextInputStyle.Paragraph,
            MinLength = 1,
            MaxLength = WhyMessages.MaxText,
            Required = true,
        })
        {
            Description = description,
        };
}
