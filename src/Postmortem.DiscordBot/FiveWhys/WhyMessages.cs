using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// The messages of the Five Whys thread: each why ("**Why 1.2** question") with an Answer button, and each answer
/// ("**1.2a** answer") with Ask why about this, Another answer and the Root cause toggle. The custom ids carry only
/// the postmortem and the node id, so the buttons keep working after a restart.
/// </summary>
public static class WhyMessages
{
    public const string AnswerPrefix = "why-answer";
    public const string FollowUpPrefix = "why-followup";
    public const string AnotherPrefix = "why-another";
    public const string RootCausePrefix = "why-root";

    /// <summary>Whys and answers typed in Discord are at most this long, so each fits one message with its number.</summary>
    public const int MaxText = 1800;

    public static MessagePayload Why(PostmortemId postmortemId, Why why, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(why);
        if (hidden)
        {
            return new MessagePayload { Content = $"~~**Why {why.Path}**~~ _retracted_", Components = [] };
        }

        return new MessagePayload
        {
            Content = $"❓ **Why {why.Path}** {Body(why.Question)}",
            Components = [new ActionRow([Button.Primary(CustomId.For(AnswerPrefix, postmortemId, Id(why.Id)), "Answer")])],
        };
    }

    public static MessagePayload Answer(PostmortemId postmortemId, WhyAnswer answer, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (hidden)
        {
            return new MessagePayload { Content = $"~~**{answer.Label}**~~ _retracted_", Components = [] };
        }

        var content = $"↳ **{answer.Label}** {Body(answer.Text)}";
        if (answer.IsRootCause)
        {
            content += "\n🎯 **Root cause**";
        }

        return new MessagePayload
        {
            Content = content,
            Components =
            [
                new ActionRow(
                [
                    Button.Primary(CustomId.For(FollowUpPrefix, postmortemId, Id(answer.Id)), "Ask why about this"),
                    Button.Secondary(CustomId.For(AnotherPrefix, postmortemId, Id(answer.Id)), "Another answer"),
                    answer.IsRootCause
                        ? Button.Success(CustomId.For(RootCausePrefix, postmortemId, Id(answer.Id)), "🎯 Root cause (undo)")
                        : Button.Secondary(CustomId.For(RootCausePrefix, postmortemId, Id(answer.Id)), "Root cause"),
                ]),
            ],
        };
    }

    internal static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Text from other front ends may be longer than Discord input allows; the cut is said out loud, and
    // /postmortem whys shows all of it.
    private static string Body(string text) =>
        text.Length <= MaxText
            ? DiscordMarkdown.Contain(text)
            : DiscordMarkdown.Contain(Prompts.PromptView.Cut(text, MaxText)) + " …\n-# Cut here; `/postmortem whys` shows all of it.";
}
