using System.Net;
using System.Text.Json.Nodes;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>Message context-menu commands (type 3): their registration rules and the interaction they send.</summary>
public sealed class MessageCommandTests
{
    [Fact]
    public async Task MessageCommand_CarriesTheWholeTargetMessage_EvenWithoutTheMessageContentIntent()
    {
        await using var bot = await BotHarness.StartAsync();
        var commands = BotHarness.PostmortemCommand();
        commands.Add(new JsonObject { ["type"] = 3, ["name"] = "Add to timeline" });
        var registered = await bot.Rest.PutAsync($"applications/{bot.Emulator.ApplicationId}/guilds/{bot.Guild.Id}/commands", commands);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var message = await bot.Emulator.PostMessageAsync(bot.User, bot.Channel, "deploy rolled back at 14:02");
        var created = await bot.Gateway.ReceiveDispatchAsync("MESSAGE_CREATE");

        await bot.Emulator.RunMessageCommandAsync(bot.User, message, "Add to timeline");
        var interaction = await bot.NextInteractionAsync();

        Assert.Equal("", created["d"]!["content"]!.GetValue<string>());
        Assert.Equal(2, interaction["type"]!.GetValue<int>());
        var data = interaction["data"]!;
        Assert.Equal((3, "Add to timeline", $"{message.Id}"), (data["type"]!.GetValue<int>(), data["name"]!.GetValue<string>(), data["target_id"]!.GetValue<string>()));
        Assert.Null(data["options"]);
        var target = data["resolved"]!["messages"]![$"{message.Id}"]!;
        Assert.Equal("deploy rolled back at 14:02", target["content"]!.GetValue<string>());
        Assert.Equal($"{bot.Channel.Id}", target["channel_id"]!.GetValue<string>());
        Assert.NotNull(target["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageCommand_WithADescriptionOrOptions_IsRefusedAtRegistration()
    {
        await using var bot = await BotHarness.StartAsync();
        var commands = new JsonArray
        {
            new JsonObject { ["type"] = 3, ["name"] = "Add to timeline", ["description"] = "Adds it" },
            new JsonObject { ["type"] = 3, ["name"] = new string('x', 33) },
        };

        var refused = await bot.Rest.PutAsync($"applications/{bot.Emulator.ApplicationId}/guilds/{bot.Guild.Id}/commands", commands);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var text = refused.Json!.ToJsonString();
        Assert.Contains("APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED", text, StringComparison.Ordinal);
        Assert.Contains("BASE_TYPE_BAD_LENGTH", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageCommand_NotRegistered_IsRefused()
    {
        await using var bot = await BotHarness.StartAsync();
        var message = await bot.Emulator.PostMessageAsync(bot.User, bot.Channel, "text");

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Emulator.RunMessageCommandAsync(bot.User, message, "Add to timeline"));

        Assert.Contains("not registered", unknown.Message, StringComparison.Ordinal);
    }
}
