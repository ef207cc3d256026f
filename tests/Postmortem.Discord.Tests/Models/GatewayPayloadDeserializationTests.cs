using Postmortem.Discord.Json;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Models;

/// <summary>The dispatch payloads ("d") the gateway hands to these models.</summary>
public sealed class GatewayPayloadDeserializationTests
{
    [Fact]
    public void MessageCreate_InThread_CarriesThreadContextAndReply()
    {
        var message = TestPayloads.Load("message_create_in_thread.json", DiscordJsonContext.Default.Message);

        Assert.Equal(new Snowflake(1100000000000000100), message.ChannelId);
        Assert.Equal(new Snowflake(1100000000000000001), message.GuildId);
        Assert.Equal(ChannelType.PublicThread, message.ChannelType);
        Assert.Equal(MessageType.Reply, message.Type);
        Assert.Equal("corro", message.Author!.Username);
        Assert.False(message.IsFromBot);
        Assert.Equal([new Snowflake(1100000000000000201)], message.Member!.Roles);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 9, 5, 0, TimeSpan.Zero).AddTicks(1234560), message.Timestamp);
        Assert.Null(message.EditedTimestamp);
        Assert.Equal("graph.png", Assert.Single(message.Attachments).Filename);
        Assert.Equal(new Snowflake(1200000000000000001), Assert.Single(message.Mentions).Id);
        Assert.Equal(new Snowflake(1500000000000000001), message.MessageReference!.MessageId);
        Assert.Equal(MessageFlags.HasThread, message.ReferencedMessage!.Flags);
        Assert.NotNull(message.ReferencedMessage.EditedTimestamp);
        // A components-v2 container from another app is kept, not rejected.
        var container = Assert.IsType<UnknownComponent>(Assert.Single(message.Components));
        Assert.Equal(ComponentType.Container, container.Type);
    }

    [Fact]
    public void ThreadCreate_MarksNewlyCreatedThreads()
    {
        var thread = TestPayloads.Load("thread_create.json", DiscordJsonContext.Default.Channel);

        Assert.True(thread.NewlyCreated);
        Assert.True(thread.IsThread);
        Assert.Equal(new Snowflake(1100000000000000010), thread.ParentId);
        Assert.Equal(new Snowflake(1200000000000000001), thread.OwnerId);
        Assert.Equal(10080, thread.ThreadMetadata!.AutoArchiveDuration);
        Assert.False(thread.ThreadMetadata.Archived);
        Assert.Equal(new Snowflake(1200000000000000001), thread.Member!.UserId);
    }

    [Fact]
    public void GuildCreate_CarriesChannelsThreadsAndExtras()
    {
        var guild = TestPayloads.Load("guild_create.json", DiscordJsonContext.Default.Guild);

        Assert.Equal("Compiler Team", guild.Name);
        Assert.Equal(42, guild.MemberCount);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), guild.JoinedAt);
        Assert.Equal(Permissions.ManageThreads, guild.Roles[1].Permissions);
        Assert.Equal(4, guild.Channels.Count);
        Assert.Equal((ChannelType)99, guild.Channels[3].Type);

        var forum = guild.Channels[1];
        Assert.Equal(ChannelType.GuildForum, forum.Type);
        Assert.Equal(["draft", "final"], forum.AvailableTags!.Select(t => t.Name));
        Assert.True(forum.AvailableTags![1].Moderated);

        Assert.Equal(2, guild.Threads.Count);
        Assert.Equal([new Snowflake(1100000000000000301)], guild.Threads[1].AppliedTags);
    }

    [Fact]
    public void Ready_CarriesSessionAndGuildStubs()
    {
        var ready = TestPayloads.Load("ready.json", DiscordJsonContext.Default.Ready);

        Assert.Equal(10, ready.V);
        Assert.True(ready.User.Bot);
        Assert.Equal("0123456789abcdef0123456789abcdef", ready.SessionId);
        Assert.Equal(new Uri("wss://gateway-us-east1-b.discord.gg"), ready.ResumeGatewayUrl);
        Assert.Equal([0, 1], ready.Shard);
        Assert.Equal(new Snowflake(1200000000000000001), ready.Application!.Id);
        Assert.All(ready.Guilds, g => Assert.True(g.Unavailable));
        Assert.Equal(2, ready.Guilds.Count);
    }

    [Fact]
    public void GatewayBot_CarriesShardsAndSessionStartLimit()
    {
        var info = TestPayloads.Load("gateway_bot.json", DiscordJsonContext.Default.GatewayBotInfo);

        Assert.Equal(new Uri("wss://gateway.discord.gg"), info.Url);
        Assert.Equal(2, info.Shards);
        Assert.Equal(997, info.SessionStartLimit.Remaining);
        Assert.Equal(TimeSpan.FromMilliseconds(86399000), info.SessionStartLimit.ResetAfterTime);
        Assert.Equal(1, info.SessionStartLimit.MaxConcurrency);
    }
}
