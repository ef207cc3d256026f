using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

public sealed class CommandRegistrationTests
{
    [Fact]
    public async Task BulkOverwrite_StoresCommandsWithIds_AndKeepsIdsOnOverwrite()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.CreateGuild("g");
        using var rest = new RawRest(emulator);
        var path = $"applications/{emulator.ApplicationId}/guilds/{guild.Id}/commands";

        var first = await rest.PutAsync(path, BotHarness.PostmortemCommand());
        var second = await rest.PutAsync(path, BotHarness.PostmortemCommand());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var command = Assert.Single(emulator.RegisteredCommands);
        Assert.Equal(("postmortem", guild.Id), (command.Name, command.GuildId));
        Assert.Equal(["start", "admin reset"], command.SubcommandPaths);
        Assert.Equal(first.Json![0]!["id"]!.GetValue<string>(), second.Json![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkOverwrite_WithAnUppercaseName_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);
        var commands = BotHarness.PostmortemCommand();
        commands[0]!["name"] = "Postmortem";

        var response = await rest.PutAsync($"applications/{emulator.ApplicationId}/commands", commands);

        Assert.Equal("APPLICATION_COMMAND_INVALID_NAME", Json.ErrorCode(response.Json, "0", "name"));
        Assert.Empty(emulator.RegisteredCommands);
    }

    [Fact]
    public async Task BulkOverwrite_WithNestingDeeperThanOneGroup_IsRejected()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);
        var commands = BotHarness.PostmortemCommand();
        var reset = commands[0]!["options"]![1]!["options"]![0]!.AsObject();
        reset["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = "deeper", ["description"] = "too deep" });

        var response = await rest.PutAsync($"applications/{emulator.ApplicationId}/commands", commands);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("APPLICATION_COMMAND_OPTIONS_TOO_DEEP", Json.ErrorCode(response.Json, "0", "options", "1", "options", "0", "options", "0", "type"));
    }

    [Fact]
    public async Task BulkOverwrite_WithDefaultMemberPermissionsAsAString_IsAccepted()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);
        var commands = BotHarness.PostmortemCommand();
        commands[0]!["default_member_permissions"] = "32";

        var response = await rest.PutAsync($"applications/{emulator.ApplicationId}/commands", commands);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("32", response.Json![0]!["default_member_permissions"]!.GetValue<string>());
        Assert.Empty(emulator.Violations);
    }
}
