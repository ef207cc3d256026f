using Microsoft.Extensions.Logging;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Messages;

/// <summary>
/// What the handlers of plain-message replies to the bot's prompts share: finding which prompt a reply answers
/// (from its buttons' custom ids) and telling the author something privately without posting in the thread.
/// </summary>
public static partial class PromptReplies
{
    /// <summary>The custom id of the prompt's first button with <paramref name="prefix"/>, which names the postmortem.</summary>
    public static CustomId? FindButtonId(Message prompt, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Flatten(prompt.Components)
            .OfType<Button>()
            .Select(b => CustomId.TryParse(b.CustomId, out var id) ? id : null)
            .FirstOrDefault(id => id?.Prefix == prefix);
    }

    /// <summary>DMs <paramref name="text"/> to the user; closed DMs are the user's choice, so a refusal is only logged.</summary>
    public static async Task TellPrivatelyAsync(
        IDiscordRestClient rest, ILogger logger, Snowflake userId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        try
        {
            await rest.SendDirectMessageAsync(userId, new MessagePayload { Content = text }, cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            LogDmFailed(logger, userId, ex.Code);
        }
    }

    private static IEnumerable<Component> Flatten(IEnumerable<Component> components) =>
        components.SelectMany(c => c is ActionRow row ? Flatten(row.Components).Prepend(c) : [c]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not DM user {UserId} (Discord code {Code})")]
    private static partial void LogDmFailed(ILogger logger, Snowflake userId, int? code);
}
