using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.DiscordBot.Timeline;

namespace Postmortem.DiscordBot.Tests.Timeline;

/// <summary>The "Add to timeline" message command (Apps menu on a message).</summary>
public sealed class TimelineFromMessageTests
{
    [Fact]
    public async Task IsRegisteredAsAMessageCommand_AndTurnsAThreadMessageIntoAnEntry_WithItsTimeAndText()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var registered = Assert.Single(bot.Emulator.RegisteredCommands, c => c.Type == 3);
        Assert.Equal(TimelineFromMessage.CommandName, registered.Name);
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var update = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Rolled back deploy 4711, errors back to normal");

        var command = await bot.Emulator.RunMessageCommandAsync(bot.Bob, update, TimelineFromMessage.CommandName);

        var response = await command.ResponseAsync();
        Assert.True(response.IsModal, response.Content);
        var inputs = Inputs(command.Modal!);
        Assert.Equal(update.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), inputs[TimelineEntryModal.WhenField]);
        Assert.Equal(update.Content, inputs[TimelineEntryModal.WhatField]);
        var submit = await bot.Emulator.SubmitModalAsync(bot.Bob, command,
            new Dictionary<string, string> { ["when"] = inputs[TimelineEntryModal.WhenField]!, ["what"] = inputs[TimelineEntryModal.WhatField]! },
            new Dictionary<string, string[]> { ["kind"] = ["mitigated"] });

        var confirmation = await submit.ResponseAsync();
        Assert.True(confirmation.IsEphemeral);
        Assert.Contains("Added to the timeline", confirmation.Content, StringComparison.Ordinal);
        var stored = (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
        var entry = Assert.Single(stored.Timeline);
        Assert.Equal(TimelineEntryKind.Mitigated, entry.Kind);
        Assert.Equal(update.Content, entry.Text);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task OutsideAPostmortemThread_SaysSoPrivately_AndOpensNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var message = await bot.Emulator.PostMessageAsync(bot.Bob, bot.Incidents, "Paging is broken");

        var command = await bot.Emulator.RunMessageCommandAsync(bot.Bob, message, TimelineFromMessage.CommandName);

        var response = await command.ResponseAsync();
        Assert.False(response.IsModal);
        Assert.True(response.IsEphemeral);
        Assert.Contains("postmortem", response.Content, StringComparison.OrdinalIgnoreCase);
        bot.AssertNoViolations();
    }

    private static Dictionary<string, string?> Inputs(JsonObject modal) =>
        Flatten(modal["components"] as JsonArray).Where(c => c["type"]?.GetValue<int>() == 4)
            .ToDictionary(c => c["custom_id"]!.GetValue<string>(), c => c["value"]?.GetValue<string>());

    private static IEnumerable<JsonObject> Flatten(JsonArray? components)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            yield return component;
            var children = (component["components"] as JsonArray ?? []).OfType<JsonObject>()
                .Concat(component["component"] is JsonObject inner ? [inner] : []);
            foreach (var child in Flatten([.. children.Select(c => c.DeepClone())]))
            {
                yield return child;
            }
        }
    }
}
