using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>Op 8 Request Guild Members and its GUILD_MEMBERS_CHUNK answers (gateway-events.mdx).</summary>
public sealed class RequestGuildMembersTests
{
    private const int Guilds = 1, GuildMembers = 1 << 1;

    private static JsonObject Request(EmulatedGuild guild, JsonObject fields)
    {
        fields["guild_id"] = $"{guild.Id}";
        return new JsonObject { ["op"] = 8, ["d"] = fields };
    }

    private static List<string> Names(JsonObject chunk) =>
        [.. chunk["d"]!["members"]!.AsArray().Select(m => m!["user"]!["username"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Query_ReturnsMembersWhoseUsernameStartsWithIt_EchoesTheNonce_AndSendsNoPresences()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        foreach (var name in new[] { "alice", "Alina", "bob", "carol" })
        {
            guild.AddMember(emulator.CreateUser(name));
        }

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "al", ["limit"] = 10, ["presences"] = true, ["nonce"] = "n-1" }));
        var chunk = await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");

        Assert.Equal(["Alina", "alice"], Names(chunk));
        var d = chunk["d"]!;
        Assert.Equal($"{guild.Id}", d["guild_id"]!.GetValue<string>());
        Assert.Equal(0, d["chunk_index"]!.GetValue<int>());
        Assert.Equal(1, d["chunk_count"]!.GetValue<int>());
        Assert.Equal("n-1", d["nonce"]!.GetValue<string>());
        Assert.Null(d["presences"]); // presences need GUILD_PRESENCES; without it they are always off
        emulator.ThrowIfViolations();
    }

    [Fact]
    public async Task Query_IsCappedByItsLimit_AndAnInvalidNonceIsDropped()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        for (var i = 0; i < 5; i++)
        {
            guild.AddMember(emulator.CreateUser($"user{i}"));
        }

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "user", ["limit"] = 2, ["nonce"] = new string('n', 33) }));
        var chunk = await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");

        Assert.Equal(2, chunk["d"]!["members"]!.AsArray().Count);
        Assert.Null(chunk["d"]!["nonce"]);
    }

    [Fact]
    public async Task UserIds_ReturnsThoseMembers_AndListsTheRestAsNotFound()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");
        var alice = emulator.CreateUser("alice");
        guild.AddMember(alice);
        var stranger = emulator.CreateUser("stranger");

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;
        await gateway.SendAsync(Request(guild, new JsonObject { ["user_ids"] = new JsonArray($"{alice.Id}", $"{stranger.Id}") }));
        var chunk = await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");

        Assert.Equal(["alice"], Names(chunk));
        Assert.Equal([$"{stranger.Id}"], chunk["d"]!["not_found"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task WholeList_WithoutTheGuildMembersIntent_IsRefused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("Ops");

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds);
        await using var _ = gateway;
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "", ["limit"] = 0 }));

        Assert.Equal(4001, await gateway.ReceiveCloseAsync());
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("GUILD_MEMBERS intent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeList_ComesIn1000MemberChunks_AndASecondRequestWithin30sIsRateLimited()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock, EnabledPrivilegedIntents = EmulatorIntents.GuildMembers });
        var guild = emulator.CreateGuild("Big");
        for (var i = 0; i < 1500; i++)
        {
            guild.AddMember(emulator.CreateUser($"m{i}"));
        }

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, Guilds | GuildMembers);
        await using var _ = gateway;
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "", ["limit"] = 0, ["nonce"] = "all" }));
        var first = await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");
        var second = await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");

        Assert.Equal([0, 1], new[] { first, second }.Select(c => c["d"]!["chunk_index"]!.GetValue<int>()));
        Assert.All(new[] { first, second }, c => Assert.Equal(2, c["d"]!["chunk_count"]!.GetValue<int>()));
        Assert.True(guild.Members.Count > 1500);
        Assert.Equal(guild.Members.Count, first["d"]!["members"]!.AsArray().Count + second["d"]!["members"]!.AsArray().Count);

        clock.Advance(TimeSpan.FromSeconds(10));
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "", ["limit"] = 0, ["nonce"] = "again" }));
        var limited = await gateway.ReceiveDispatchAsync("RATE_LIMITED");
        Assert.Equal(8, limited["d"]!["opcode"]!.GetValue<int>());
        Assert.Equal(20, limited["d"]!["retry_after"]!.GetValue<double>(), precision: 3);
        Assert.Equal("again", limited["d"]!["meta"]!["nonce"]!.GetValue<string>());
        Assert.Single(emulator.RateLimitHits);

        clock.Advance(TimeSpan.FromSeconds(20));
        await gateway.SendAsync(Request(guild, new JsonObject { ["query"] = "", ["limit"] = 0, ["nonce"] = "later" }));
        Assert.Equal("later", (await gateway.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK"))["d"]!["nonce"]!.GetValue<string>());
    }
}
