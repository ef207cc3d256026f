using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator;
using Postmortem.Playground.Sample;

namespace Postmortem.Playground.Web;

/// <summary>The page's picture of the world, as one person sees it: channels, threads, their DMs, the commands, the clock and the violations.</summary>
internal sealed class WorldView(DiscordEmulator emulator, SampleServer server, TimeProvider clock)
{
    public JsonObject For(SamplePerson me)
    {
        var guild = server.Guild;
        var threads = guild.Threads;
        return new JsonObject
        {
            ["now"] = clock.GetUtcNow().ToString("O"),
            ["me"] = Id(me.User.Id),
            ["bot"] = new JsonObject { ["id"] = Id(emulator.BotUser.Id), ["name"] = emulator.BotUser.Name },
            ["people"] = new JsonArray([.. server.People.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = Id(p.User.Id),
                ["name"] = p.DisplayName,
                ["username"] = p.User.Name,
                ["admin"] = p.IsAdmin,
            })]),
            ["guild"] = new JsonObject { ["id"] = Id(guild.Id), ["name"] = guild.Name },
            ["channels"] = new JsonArray([.. guild.Channels.Select(c => (JsonNode)Channel(c, threads))]),
            ["dms"] = new JsonArray([.. DmChannels(me.User).Select(c => (JsonNode)new JsonObject
            {
                ["id"] = Id(c.Id),
                ["name"] = emulator.BotUser.Name,
                ["kind"] = "dm",
                ["count"] = c.MessagesVisibleTo(me.User).Count,
            })]),
            ["commands"] = new JsonArray([.. emulator.RegisteredCommands.Select(c => (JsonNode)c.Definition.DeepClone())]),
            ["violations"] = new JsonArray([.. emulator.Violations.Select(v => (JsonNode)new JsonObject
            {
                ["at"] = v.At.ToString("O"),
                ["source"] = v.Source,
                ["reason"] = v.Reason,
            })]),
        };
    }

    public JsonArray Messages(EmulatedChannel channel, SamplePerson me) =>
        new([.. channel.MessagesVisibleTo(me.User).Where(m => !m.IsDeleted).Select(m => (JsonNode)Message(m))]);

    private JsonObject Message(EmulatedMessage message)
    {
        var json = emulator.ToJson(message);
        json["ephemeral"] = message.VisibleTo is not null;
        if (message.InteractionId is not null && json["interaction_metadata"]?["user"]?["id"] is { } user)
        {
            json["invoked_by"] = server.Find(ulong.Parse(user.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))?.DisplayName;
        }

        return json;
    }

    // Opening a DM again returns the one there is; the sample server opened one for everybody.
    private IEnumerable<EmulatedChannel> DmChannels(EmulatedUser user) => [emulator.OpenDm(user)];

    private static JsonObject Channel(EmulatedChannel channel, IReadOnlyList<EmulatedChannel> threads) => new()
    {
        ["id"] = Id(channel.Id),
        ["name"] = channel.Name,
        ["kind"] = channel.Kind == ChannelKind.GuildForum ? "forum" : "text",
        ["topic"] = channel.Topic,
        ["tags"] = new JsonArray([.. channel.AvailableTags.Select(t => (JsonNode)new JsonObject { ["id"] = Id(t.Id), ["name"] = t.Name })]),
        ["threads"] = new JsonArray([.. threads.Where(t => t.Parent == channel).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = Id(t.Id),
            ["name"] = t.Name,
            ["archived"] = t.IsArchived,
            ["locked"] = t.IsLocked,
            ["created"] = t.CreatedAt.ToString("O"),
            ["tags"] = new JsonArray([.. t.AppliedTags.Select(id => (JsonNode)Id(id))]),
            ["count"] = t.PublicMessages.Count,
            ["preview"] = t.PublicMessages is [var first, ..] ? Preview(first) : null,
        })]),
    };

    private static string Preview(EmulatedMessage message)
    {
        var text = message.Content.Length > 0 ? message.Content : message.EmbedText;
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static string Id(ulong id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
