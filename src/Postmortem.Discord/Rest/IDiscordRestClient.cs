using Postmortem.Discord.Models;

namespace Postmortem.Discord.Rest;

/// <summary>
/// The Discord REST calls the bot makes, and nothing else, so another library (e.g. Discord.Net) can stand behind it.
/// Failures throw <see cref="DiscordHttpException"/> (Discord said no; see <see cref="DiscordErrorCodes"/>) or
/// <see cref="DiscordRestException"/> (unreachable after retries). Message-sending calls send no pings unless the
/// payload's AllowedMentions says otherwise.
/// </summary>
public interface IDiscordRestClient
{
    /// <summary>GET /gateway/bot: the gateway url, recommended shards and the identify budget.</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /users/@me: the bot's own user.</summary>
    Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /applications/@me: the application (its id is what commands and follow-ups use).</summary>
    Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /applications/{app}/commands: the global commands as registered.</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(Snowflake applicationId, CancellationToken cancellationToken = default);

    /// <summary>GET /applications/{app}/guilds/{guild}/commands: the guild's commands as registered.</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, CancellationToken cancellationToken = default);

    /// <summary>PUT /applications/{app}/commands: replaces ALL global commands (created ones count toward 200/day).</summary>
    Task<IReadOnlyList<ApplicationCommand>> OverwriteGlobalCommandsAsync(
        Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>PUT /applications/{app}/guilds/{guild}/commands: replaces the guild's commands; takes effect at once.</summary>
    Task<IReadOnlyList<ApplicationCommand>> OverwriteGuildCommandsAsync(
        Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>POST /interactions/{id}/{token}/callback: the first response, due within 3 s of now.</summary>
    Task RespondToInteractionAsync(
        Snowflake interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /interactions/{id}/{token}/callback, attempted only while an attempt can still arrive by
    /// <paramref name="respondBy"/> (3 s after INTERACTION_CREATE). Never sends twice once Discord may have it without
    /// treating Discord's 40060 "already acknowledged" as the success it then is. Throws only when Discord certainly did
    /// not take the callback (it refused it, or no attempt could reach it in time).
    /// </summary>
    Task<InteractionCallbackOutcome> RespondToInteractionAsync(
        Snowflake interactionId, string interactionToken, InteractionResponse response, DateTimeOffset respondBy, CancellationToken cancellationToken = default);

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original: fill in a deferred response or change the reply.</summary>
    Task<Message> EditOriginalResponseAsync(
        Snowflake applicationId, string interactionToken, MessagePayload edit, CancellationToken cancellationToken = default);

    /// <summary>DELETE /webhooks/{app}/{token}/messages/@original.</summary>
    Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default);

    /// <summary>POST /webhooks/{app}/{token}: another message for the interaction (token valid 15 minutes).</summary>
    Task<Message> CreateFollowupAsync(
        Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>PATCH /webhooks/{app}/{token}/messages/{message}.</summary>
    Task<Message> EditFollowupAsync(
        Snowflake applicationId, string interactionToken, Snowflake messageId, MessagePayload edit, CancellationToken cancellationToken = default);

    /// <summary>DELETE /webhooks/{app}/{token}/messages/{message}.</summary>
    Task DeleteFollowupAsync(
        Snowflake applicationId, string interactionToken, Snowflake messageId, CancellationToken cancellationToken = default);

    /// <summary>POST /channels/{channel}/messages (multipart when the payload has files). Safe to retry: sent with a nonce.</summary>
    Task<Message> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>PATCH /channels/{channel}/messages/{message}: null fields stay unchanged.</summary>
    Task<Message> EditMessageAsync(
        Snowflake channelId, Snowflake messageId, MessagePayload edit, CancellationToken cancellationToken = default);

    /// <summary>GET /channels/{channel}/messages/{message}.</summary>
    Task<Message> GetMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default);

    /// <summary>GET /channels/{channel}/messages: newest first.</summary>
    Task<IReadOnlyList<Message>> GetMessagesAsync(
        Snowflake channelId, MessageQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>PUT /channels/{channel}/messages/pins/{message}.</summary>
    Task PinMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default);

    /// <summary>POST /channels/{channel}/messages/{message}/threads: the thread's id is the message's id (160004 if it has one).</summary>
    Task<Channel> StartThreadFromMessageAsync(
        Snowflake channelId, Snowflake messageId, ThreadFromMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /channels/{channel}/threads without a message (public unless the request says otherwise).</summary>
    Task<Channel> StartThreadAsync(Snowflake channelId, ThreadCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /channels/{forum}/threads with a first message; the returned channel carries that message.</summary>
    Task<Channel> CreateForumPostAsync(Snowflake forumChannelId, ForumPostRequest request, CancellationToken cancellationToken = default);

    /// <summary>PATCH /channels/{channel}: rename, (un)archive, lock, set forum tags.</summary>
    Task<Channel> ModifyChannelAsync(Snowflake channelId, ChannelModifyRequest request, CancellationToken cancellationToken = default);

    /// <summary>GET /channels/{channel}.</summary>
    Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default);

    /// <summary>GET /guilds/{guild}/channels (threads not included).</summary>
    Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default);

    /// <summary>POST /users/@me/channels: the DM channel with a user (existing or new).</summary>
    Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default);

    /// <summary>POST /guilds/{guild}/scheduled-events (needs Create Events).</summary>
    Task<GuildScheduledEvent> CreateGuildScheduledEventAsync(Snowflake guildId, GuildScheduledEventCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>PATCH /guilds/{guild}/scheduled-events/{event}: change it, or cancel it with status Canceled.</summary>
    Task<GuildScheduledEvent> ModifyGuildScheduledEventAsync(Snowflake guildId, Snowflake eventId, GuildScheduledEventModifyRequest request, CancellationToken cancellationToken = default);

    /// <summary>DELETE /guilds/{guild}/scheduled-events/{event}.</summary>
    Task DeleteGuildScheduledEventAsync(Snowflake guildId, Snowflake eventId, CancellationToken cancellationToken = default);

    /// <summary>GET /guilds/{guild}/members/{user}.</summary>
    Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default);

    /// <summary>GET /guilds/{guild}/roles.</summary>
    Task<IReadOnlyList<Role>> GetGuildRolesAsync(Snowflake guildId, CancellationToken cancellationToken = default);
}
