using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Builds the dispatches Discord sends when the world changes.</summary>
internal static class GatewayEvents
{
    public static DispatchEvent GuildCreate(EmulatedGuild guild, EmulatorIntents intents) =>
        new("GUILD_CREATE", DiscordJson.GuildCreate(guild, intents), guild.Id, EmulatorIntents.Guilds);

    public static DispatchEvent GuildRoleCreate(EmulatedGuild guild, EmulatedRole role) =>
        new("GUILD_ROLE_CREATE", new JsonObject { ["guild_id"] = DiscordJson.Id(guild.Id), ["role"] = DiscordJson.Role(role) },
            guild.Id, EmulatorIntents.Guilds);

    public static DispatchEvent GuildMemberAdd(EmulatedMember member)
    {
        var data = DiscordJson.Member(member, withUser: true);
        data["guild_id"] = DiscordJson.Id(member.Guild.Id);
        return new("GUILD_MEMBER_ADD", data, member.Guild.Id, EmulatorIntents.GuildMembers);
    }

    public static DispatchEvent ChannelCreate(EmulatedChannel channel) => ChannelEvent("CHANNEL_CREATE", channel);

    public static DispatchEvent ChannelUpdate(EmulatedChannel channel) => ChannelEvent("CHANNEL_UPDATE", channel);

    public static DispatchEvent ThreadCreate(EmulatedChannel thread)
    {
        var data = DiscordJson.Channel(thread);
        data["newly_created"] = true;
        return new("THREAD_CREATE", data, thread.Guild!.Id, EmulatorIntents.Guilds);
    }

    public static DispatchEvent ThreadUpdate(EmulatedChannel thread) =>
        new("THREAD_UPDATE", DiscordJson.Channel(thread), thread.Guild!.Id, EmulatorIntents.Guilds);

    public static DispatchEvent ThreadDelete(EmulatedChannel thread) =>
        new("THREAD_DELETE", new JsonObject
        {
            ["id"] = DiscordJson.Id(thread.Id),
            ["guild_id"] = DiscordJson.Id(thread.Guild!.Id),
            ["parent_id"] = DiscordJson.Id(thread.Parent!.Id),
            ["type"] = (int)thread.Kind,
        }, thread.Guild.Id, EmulatorIntents.Guilds);

    public static DispatchEvent MessageCreate(EmulatedMessage message, Uri baseUrl) =>
        MessageEvent("MESSAGE_CREATE", message, baseUrl);

    public static DispatchEvent MessageUpdate(EmulatedMessage message, Uri baseUrl) =>
        MessageEvent("MESSAGE_UPDATE", message, baseUrl);

    public static DispatchEvent MessageDelete(EmulatedMessage message)
    {
        var data = new JsonObject
        {
            ["id"] = DiscordJson.Id(message.Id),
            ["channel_id"] = DiscordJson.Id(message.Channel.Id),
        };
        if (message.Channel.Guild is { } guild)
        {
            data["guild_id"] = DiscordJson.Id(guild.Id);
        }

        return new("MESSAGE_DELETE", data, message.Channel.Guild?.Id, MessageIntent(message.Channel));
    }

    public static DispatchEvent ChannelPinsUpdate(EmulatedChannel channel)
    {
        var data = new JsonObject { ["channel_id"] = DiscordJson.Id(channel.Id) };
        if (channel.Guild is { } guild)
        {
            data["guild_id"] = DiscordJson.Id(guild.Id);
        }

        return new("CHANNEL_PINS_UPDATE", data, channel.Guild?.Id, MessageIntent(channel) | EmulatorIntents.Guilds);
    }

    public static DispatchEvent InteractionCreate(InteractionHandle interaction) =>
        new("INTERACTION_CREATE", interaction.Payload, interaction.Channel.Guild?.Id, EmulatorIntents.None);

    private static DispatchEvent ChannelEvent(string name, EmulatedChannel channel) =>
        new(name, DiscordJson.Channel(channel), channel.Guild?.Id, EmulatorIntents.Guilds);

    private static DispatchEvent MessageEvent(string name, EmulatedMessage message, Uri baseUrl)
    {
        var bot = message.Channel.State.BotUser;
        // Gateway message-content rules: the bot always sees its own messages, DMs, and messages that mention it.
        var contentIsOpen = message.Author == bot
            || message.Channel.Kind == ChannelKind.Dm
            || message.Pings.Users.Contains(bot.Id)
            || message.Content.Contains(bot.Mention, StringComparison.Ordinal);
        return new(name, DiscordJson.MessageEvent(message, baseUrl), message.Channel.Guild?.Id,
            MessageIntent(message.Channel), ContentNeedsIntent: !contentIsOpen);
    }

    private static EmulatorIntents MessageIntent(EmulatedChannel channel) =>
        channel.Kind == ChannelKind.Dm ? EmulatorIntents.DirectMessages : EmulatorIntents.GuildMessages;
}
