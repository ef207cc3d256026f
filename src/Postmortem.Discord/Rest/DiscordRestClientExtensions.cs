using Postmortem.Discord.Models;

namespace Postmortem.Discord.Rest;

/// <summary>Shorthands that take the interaction itself instead of its id, application id and token.</summary>
public static class DiscordRestClientExtensions
{
    public static Task RespondAsync(this IDiscordRestClient rest, Interaction interaction, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(interaction);
        return rest.RespondToInteractionAsync(interaction.Id, interaction.Token, response, cancellationToken);
    }

    public static Task<Message> EditOriginalResponseAsync(this IDiscordRestClient rest, Interaction interaction, MessagePayload edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(interaction);
        return rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, edit, cancellationToken);
    }

    public static Task<Message> CreateFollowupAsync(this IDiscordRestClient rest, Interaction interaction, MessagePayload message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(interaction);
        return rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken);
    }

    /// <summary>Opens (or reuses) the DM channel and sends the message. Throws 50007 when the user does not accept DMs.</summary>
    public static async Task<Message> SendDirectMessageAsync(this IDiscordRestClient rest, Snowflake userId, MessagePayload message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var dm = await rest.CreateDmAsync(userId, cancellationToken);
        return await rest.CreateMessageAsync(dm.Id, message, cancellationToken);
    }
}
