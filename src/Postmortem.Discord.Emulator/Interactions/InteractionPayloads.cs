using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>The INTERACTION_CREATE <c>d</c> object (interactions/receiving-and-responding.mdx "Interaction Object").</summary>
internal static class InteractionPayloads
{
    private const int GuildInstall = 0;
    private const int GuildContext = 0;
    private const int BotDmContext = 1;

    public static JsonObject Build(InteractionHandle interaction, JsonObject data, EmulatorState state)
    {
        var channel = interaction.Channel;
        var guild = channel.Guild;
        var payload = new JsonObject
        {
            ["id"] = DiscordJson.Id(interaction.Id),
            ["application_id"] = DiscordJson.Id(state.ApplicationId),
            ["type"] = interaction.Type,
            ["data"] = data,
            ["channel_id"] = DiscordJson.Id(channel.Id),
            ["token"] = interaction.Token,
            ["version"] = 1,
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = state.Options.MaxUploadBytes,
            ["app_permissions"] = DiscordJson.Permissions(channel.BotPermissions),
        };
        var channelJson = DiscordJson.Channel(channel);
        if (guild is not null)
        {
            var member = guild.GetMember(interaction.User)
                ?? throw new InvalidOperationException($"{interaction.User.Name} is not a member of {guild.Name}: call guild.AddMember first.");
            payload["guild_id"] = DiscordJson.Id(guild.Id);
            payload["guild"] = new JsonObject { ["id"] = DiscordJson.Id(guild.Id), ["locale"] = "en-US", ["features"] = new JsonArray() };
            payload["guild_locale"] = "en-US";
            payload["member"] = DiscordJson.Member(member, withUser: true, withPermissions: true);
            payload["context"] = GuildContext;
            payload["authorizing_integration_owners"] = new JsonObject { [$"{GuildInstall}"] = DiscordJson.Id(guild.Id) };
            channelJson["permissions"] = DiscordJson.Permissions(member.Permissions);
        }
        else
        {
            payload["user"] = DiscordJson.User(interaction.User);
            payload["context"] = BotDmContext;
            payload["authorizing_integration_owners"] = new JsonObject { [$"{GuildInstall}"] = "0" };
        }

        payload["channel"] = channelJson;
        if (interaction.SourceMessage is { } message)
        {
            payload["message"] = DiscordJson.Message(message, state.BaseUrl);
        }

        return payload;
    }
}
