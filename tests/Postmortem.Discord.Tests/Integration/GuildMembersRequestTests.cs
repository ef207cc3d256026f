using Postmortem.Discord.Emulator;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>DiscordGatewayClient.RequestGuildMembersAsync (op 8) against the emulator's gateway.</summary>
public sealed class GuildMembersRequestTests
{
    [Fact]
    public async Task Search_ReturnsTheMembersWhoseUsernameStartsWithThePrefix()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        discord.Guild.AddMember(discord.Emulator.CreateUser("alfred"));
        discord.Guild.AddMember(discord.Emulator.CreateUser("bob"));
        await discord.ConnectAndWaitForGuildAsync();

        var found = await discord.Gateway.SearchMembersAsync(new Snowflake(discord.Guild.Id), "al", 10, CancellationToken.None);

        Assert.Equal(["alfred", "alice"], found.Select(m => m.User!.Username).Order(StringComparer.Ordinal));
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task ByIds_SeparatesMembersFromIdsThatAreNot()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        var stranger = discord.Emulator.CreateUser("stranger");
        await discord.ConnectAndWaitForGuildAsync();

        var result = await discord.Gateway.RequestGuildMembersAsync(
            GuildMembersRequest.ByIds(new Snowflake(discord.Guild.Id), [new Snowflake(discord.User.Id), new Snowflake(stranger.Id)]),
            CancellationToken.None);

        Assert.Equal(discord.User.Id, Assert.Single(result.Members).User!.Id.Value);
        Assert.Equal(stranger.Id, Assert.Single(result.NotFound).Value);
        discord.AssertBrokeNoRules();
    }

    [Fact]
    public async Task WholeList_WithoutTheGuildMembersIntent_IsRefusedBeforeSending()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await discord.ConnectAndWaitForGuildAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            discord.Gateway.RequestGuildMembersAsync(GuildMembersRequest.All(new Snowflake(discord.Guild.Id)), CancellationToken.None));

        Assert.DoesNotContain(discord.Emulator.Gateway.Received, f => f.Op == 8);
    }

    [Fact]
    public async Task WholeList_TwiceWithin30Seconds_SurfacesDiscordsRateLimit()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults with { EnabledPrivilegedIntents = EmulatorIntents.GuildMembers });
        discord.Options.Intents |= GatewayIntents.GuildMembers;
        await discord.ConnectAndWaitForGuildAsync();
        var all = GuildMembersRequest.All(new Snowflake(discord.Guild.Id));

        var members = await discord.Gateway.RequestGuildMembersAsync(all, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<GatewayRateLimitedException>(() => discord.Gateway.RequestGuildMembersAsync(all, CancellationToken.None));

        Assert.Equal(discord.Guild.Members.Count, members.Members.Count);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }
}
