using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>Several shards in one process, as GET /gateway/bot recommends them.</summary>
public sealed class ShardingTests
{
    [Fact]
    public async Task TwoShards_IdentifyTogether_AndEachGetsItsOwnGuilds()
    {
        // Discord recommends 2 shards and lets this bot identify 2 at a time (max_concurrency 2).
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults with { RecommendedShards = 2, MaxConcurrency = 2 });
        var byShard = GuildsOnBothShards(discord);

        var client = await discord.ConnectAsync();
        await discord.Events.WaitUntilAsync(
            events => discord.Emulator.Guilds.All(g => events.OfType<GuildCreateEvent>().Any(e => e.Guild.Id.Value == g.Id)),
            "a GUILD_CREATE for every guild");

        Assert.Equal([0, 1], client.Shards.Select(s => s.ShardId).Order());
        var shardsIdentified = discord.Emulator.Gateway.Received.Where(f => f.Op == 2)
            .Select(f => f.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray())
            .OrderBy(s => s[0]);
        Assert.Equal([[0, 2], [1, 2]], shardsIdentified);
        Assert.Equal([0, 1], discord.Events.OfType<ReadyEvent>().Select(r => r.ShardId).Order());
        foreach (var created in discord.Events.OfType<GuildCreateEvent>())
        {
            // Each guild arrives once, on the shard Discord's formula assigns it to.
            Assert.Equal(DiscordGatewayClient.GetShardId(created.Guild.Id, 2), created.ShardId);
        }

        Assert.Equal(discord.Emulator.Guilds.Count, discord.Events.OfType<GuildCreateEvent>().Count);
        Assert.Equal(1, client.GetShardFor(new Snowflake(byShard[1].Id))!.ShardId);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task TwoShards_GuildEventsGoToTheGuildsShard_AndDirectMessagesToShardZero()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults with { RecommendedShards = 2, MaxConcurrency = 2 });
        var byShard = GuildsOnBothShards(discord);
        var user = discord.Emulator.CreateUser("bob");
        var channels = byShard.ToDictionary(p => p.Key, p => p.Value.CreateTextChannel("incidents"));
        foreach (var guild in byShard.Values)
        {
            guild.AddMember(user);
        }

        await discord.ConnectAsync();
        await discord.Events.WaitUntilAsync(events => events.OfType<GuildCreateEvent>().Count() == discord.Emulator.Guilds.Count, "every GUILD_CREATE");

        var onShard0 = await discord.Emulator.PostMessageAsync(user, channels[0], "zero");
        var onShard1 = await discord.Emulator.PostMessageAsync(user, channels[1], "one");
        var direct = await discord.Emulator.PostMessageAsync(user, discord.Emulator.OpenDm(user), "psst");

        Assert.Equal(0, (await MessageAsync(discord, onShard0.Id)).ShardId);
        Assert.Equal(1, (await MessageAsync(discord, onShard1.Id)).ShardId);
        Assert.Equal(0, (await MessageAsync(discord, direct.Id)).ShardId);
        discord.AssertBrokeNoRules();
    }

    private static Task<MessageCreateEvent> MessageAsync(LiveDiscord discord, ulong id) =>
        discord.Events.WaitForAsync<MessageCreateEvent>(e => e.Message.Id.Value == id, $"MESSAGE_CREATE {id}");

    /// <summary>
    /// Guild ids come from the emulator's clock, so the shard a guild lands on depends on the millisecond it was
    /// created in: create guilds a millisecond apart until each of the two shards owns one.
    /// </summary>
    private static Dictionary<int, EmulatedGuild> GuildsOnBothShards(LiveDiscord discord)
    {
        var byShard = new Dictionary<int, EmulatedGuild>();
        foreach (var guild in discord.Emulator.Guilds)
        {
            byShard.TryAdd(ShardOf(guild), guild);
        }

        for (var n = 0; byShard.Count < 2; n++)
        {
            Assert.True(n < 100, "Could not create a guild for each shard.");
            discord.Clock.Jump(TimeSpan.FromMilliseconds(1));
            var guild = discord.Emulator.CreateGuild($"Guild {n}");
            byShard.TryAdd(ShardOf(guild), guild);
        }

        return byShard;
    }

    private static int ShardOf(EmulatedGuild guild) => DiscordGatewayClient.GetShardId(new Snowflake(guild.Id), 2);
}
