using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Chat;

/// <summary>Apps › Add to timeline / Add as graph / Use as answer on messages of the discussion.</summary>
public sealed class ChatMenusTests
{
    private static readonly byte[] _png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AddToTimeline_PrefillsTimeAndText_KeepsAJumpLink_AndRecognisesTheSameMessage()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["time-zone"] = "Europe/Berlin" })).ResponseAsync();
        await bot.StartPostmortemAsync(bot.Alice);
        var said = await bot.Emulator.PostMessageAsync(bot.Bob, bot.Incidents, $"{bot.Alice.Mention} rolled back\nthe deploy, errors are dropping");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var menu = await bot.Emulator.RunMessageCommandAsync(bot.Alice, said, "Add to timeline");
        Assert.True((await menu.ResponseAsync()).IsModal);
        var inputs = Inputs(menu);
        Assert.Equal(TimeZoneInfo.ConvertTime(said.CreatedAt, berlin).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), inputs["when"]["value"]!.GetValue<string>());
        Assert.Equal("someone rolled back the deploy, errors are dropping", inputs["what"]["value"]!.GetValue<string>());
        Assert.False(inputs.ContainsKey("postmortem"));

        var submit = await bot.Emulator.SubmitModalAsync(bot.Alice, menu, new Dictionary<string, string>(), new Dictionary<string, string[]> { ["kind"] = ["mitigated"] });
        var added = await submit.ResponseAsync();

        Assert.True(added.IsEphemeral);
        Assert.Contains("Mitigated", added.Content, StringComparison.Ordinal);
        var stored = Assert.Single((await GetAsync(bot, 1)).Timeline);
        Assert.Equal(said.CreatedAt.ToUnixTimeMilliseconds(), stored.At.ToUnixTimeMilliseconds()); // a snowflake's precision
        Assert.Equal(TimelineEntryKind.Mitigated, stored.Kind);
        Assert.Equal($"https://discord.com/channels/{bot.Guild.Id}/{bot.Incidents.Id}/{said.Id}", stored.Source!.Link);
        Assert.DoesNotContain("bob", stored.Text, StringComparison.OrdinalIgnoreCase);

        var again = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, said, "Add to timeline")).ResponseAsync();
        Assert.True(again.IsEphemeral);
        Assert.Contains("already on the timeline of #1 (entry 1)", again.Content, StringComparison.Ordinal);
        Assert.Single((await GetAsync(bot, 1)).Timeline);

        var show = await (await bot.SlashAsync(bot.Bob, bot.Incidents, "timeline show", new { id = 1 })).ResponseAsync();
        Assert.Contains($"[message]({stored.Source.Link})", show.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AddToTimeline_WithSeveralOpenPostmortems_ThePickerChooses_AndAnEditedTimeIsParsedInTheZone()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.StartPostmortemAsync(bot.Alice, "Database outage");
        await bot.StartPostmortemAsync(bot.Alice, "Cache stampede");
        var said = await bot.Emulator.PostMessageAsync(bot.Bob, bot.Incidents, "cache hit rate fell to 3%");

        var menu = await bot.Emulator.RunMessageCommandAsync(bot.Bob, said, "Add to timeline");
        await menu.ResponseAsync();
        var picker = Inputs(menu)["postmortem"];
        Assert.Equal(["1", "2"], picker["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).Order());
        var submit = await bot.Emulator.SubmitModalAsync(
            bot.Bob, menu, new Dictionary<string, string> { ["when"] = "2021-05-06 14:30" }, new Dictionary<string, string[]> { ["postmortem"] = ["2"], ["kind"] = ["detected"] });
        Assert.True((await submit.ResponseAsync()).IsEphemeral);

        Assert.Empty((await GetAsync(bot, 1)).Timeline);
        var entry = Assert.Single((await GetAsync(bot, 2)).Timeline);
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 14, 30, 0, TimeSpan.Zero), entry.At);

        // With several candidates the form opens again; the engine recognises the message on submit.
        var second = await bot.Emulator.RunMessageCommandAsync(bot.Bob, said, "Add to timeline");
        await second.ResponseAsync();
        var refused = await (await bot.Emulator.SubmitModalAsync(bot.Bob, second, new Dictionary<string, string>(), new Dictionary<string, string[]> { ["postmortem"] = ["2"], ["kind"] = ["note"] })).ResponseAsync();
        Assert.True(refused.IsEphemeral);
        Assert.Contains("already on the timeline", refused.Content, StringComparison.Ordinal);
        Assert.Single((await GetAsync(bot, 2)).Timeline);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AddAsGraph_TakesImagesOrATable_AndRefusesTheSameOnesTwice()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var images = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "error rate and latency",
            attachments: [new FileUpload("errors.png", _png, "image/png"), new FileUpload("latency.png", _png, "image/png"), FileUpload.FromText("log.txt", "x")]);
        var table = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Reports per day:\n```\n| day | reports |\n| --- | --- |\n| Mon | 3 |\n| Tue | 40 |\n```");
        var plain = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "no numbers here");

        var fromImages = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, images, "Add as graph")).ResponseAsync();
        var fromTable = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, table, "Add as graph")).ResponseAsync();
        var fromPlain = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, plain, "Add as graph")).ResponseAsync();
        var twice = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, images, "Add as graph")).ResponseAsync();

        Assert.Contains("items 1, 2", fromImages.Content, StringComparison.Ordinal);
        Assert.Contains("item 3", fromTable.Content, StringComparison.Ordinal);
        Assert.True(fromPlain.IsEphemeral);
        Assert.Contains("nothing to add as a graph", fromPlain.Content, StringComparison.Ordinal);
        Assert.True(twice.IsEphemeral);
        Assert.Contains("already in Metrics/Graphs (item 1)", twice.Content, StringComparison.Ordinal);
        var metrics = (await GetAsync(bot, 1)).Metrics;
        Assert.Equal([MetricKind.Image, MetricKind.Image, MetricKind.Table], metrics.Select(m => m.Kind));
        Assert.Equal([images.Attachments[0].Id.ToString(CultureInfo.InvariantCulture), images.Attachments[1].Id.ToString(CultureInfo.InvariantCulture)], metrics.Take(2).Select(m => m.AttachmentId));
        Assert.All(metrics.Take(2), m => Assert.Equal("error rate and latency", m.Caption));
        Assert.Equal("| day | reports |\n| --- | --- |\n| Mon | 3 |\n| Tue | 40 |", metrics[2].Table);
        Assert.Equal("Reports per day:", metrics[2].Caption);
        Assert.Equal(table.Id.ToString(CultureInfo.InvariantCulture), metrics[2].Source!.MessageId);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AddAsGraph_WithSeveralOpenPostmortems_AsksWhichOne_WithAPreview()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.StartPostmortemAsync(bot.Alice, "Database outage");
        await bot.StartPostmortemAsync(bot.Alice, "Cache stampede");
        var said = await bot.Emulator.PostMessageAsync(bot.Bob, bot.Incidents, "hit rate", attachments: [new FileUpload("hits.png", _png, "image/png")]);

        var menu = await bot.Emulator.RunMessageCommandAsync(bot.Bob, said, "Add as graph");
        var ask = await menu.ResponseAsync();
        Assert.True(ask.IsEphemeral);
        var pick = menu.Original!;
        Assert.Contains(said.Attachments[0].FileName, pick.Embeds[0]!["image"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var chosen = await bot.Emulator.SelectAsync(bot.Bob, pick, BotUnderTest.CustomIdStartingWith(pick, "chat-graph:"), "1");
        await chosen.ResponseAsync();

        Assert.Contains("Added to Metrics/Graphs of #1", pick.Content, StringComparison.Ordinal);
        Assert.Empty(pick.CustomIds);
        var item = Assert.Single((await GetAsync(bot, 1)).Metrics);
        Assert.Equal((said.Attachments[0].Id.ToString(CultureInfo.InvariantCulture), "hit rate", said.Id.ToString(CultureInfo.InvariantCulture)), (item.AttachmentId, item.Caption, item.Source!.MessageId));
        Assert.Empty((await GetAsync(bot, 2)).Metrics);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task UseAsAnswer_AnswersTheCurrentPromptOrAChosenWhy_Once()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var summary = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "A bad index made every query scan the table.");

        var menu = await bot.Emulator.RunMessageCommandAsync(bot.Alice, summary, "Use as answer");
        await menu.ResponseAsync();
        var inputs = Inputs(menu);
        Assert.Equal("A bad index made every query scan the table.", inputs["text"]["value"]!.GetValue<string>());
        // Only the current prompt can take it: no picker, the form says what it answers.
        Assert.False(inputs.ContainsKey("target"));
        var shown = menu.Modal!["components"]!.AsArray().OfType<JsonObject>().First(c => c["type"]!.GetValue<int>() == 10)["content"]!.GetValue<string>();
        Assert.StartsWith("Answers #1 · Current prompt: ", shown, StringComparison.Ordinal);
        var done = await (await bot.Emulator.SubmitModalAsync(bot.Alice, menu, new Dictionary<string, string>())).ResponseAsync();
        Assert.True(done.IsEphemeral);
        var stored = await GetAsync(bot, 1);
        var answered = Assert.Single(stored.Sections, s => s.HasText);
        Assert.Equal("A bad index made every query scan the table.", answered.Current!.Text);

        var ask = await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why did the index go bad?" });
        await ask.WaitForOriginalAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why was it not caught in review?" })).WaitForOriginalAsync();
        var because = await bot.Emulator.PostMessageAsync(bot.Bob, thread, "The migration dropped it.");
        var whyMenu = await bot.Emulator.RunMessageCommandAsync(bot.Bob, because, "Use as answer");
        await whyMenu.ResponseAsync();
        var whyOption = Inputs(whyMenu)["target"]["options"]!.AsArray().First(o => o!["label"]!.GetValue<string>().Contains("Why 2 Why was it not caught", StringComparison.Ordinal))!;
        var saved = await bot.Emulator.SubmitModalAsync(bot.Bob, whyMenu, new Dictionary<string, string>(),
            new Dictionary<string, string[]> { ["target"] = [whyOption["value"]!.GetValue<string>()] });
        await saved.WaitForOriginalAsync();
        Assert.Contains("2a", saved.Original!.Content, StringComparison.Ordinal);
        var answer = Assert.Single((await GetAsync(bot, 1)).WhyAnswers);
        Assert.Equal(("The migration dropped it.", because.Id.ToString(CultureInfo.InvariantCulture)), (answer.Text, answer.Source!.MessageId));

        var twice = await bot.Emulator.RunMessageCommandAsync(bot.Bob, because, "Use as answer");
        await twice.ResponseAsync();
        var refused = await (await bot.Emulator.SubmitModalAsync(bot.Bob, twice, new Dictionary<string, string>(),
            new Dictionary<string, string[]> { ["target"] = [whyOption["value"]!.GetValue<string>()] })).ResponseAsync();
        Assert.True(refused.IsEphemeral);
        Assert.Contains("already answers that why (answer 2a)", refused.Content, StringComparison.Ordinal);
        Assert.Single((await GetAsync(bot, 1)).WhyAnswers);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task TheMenus_OutsideAnyPostmortem_SayHowToStartOne_AndChangeNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var said = await bot.Emulator.PostMessageAsync(bot.Bob, bot.Incidents, "it is down");

        foreach (var menu in new[] { "Add to timeline", "Use as answer" })
        {
            var answer = await (await bot.Emulator.RunMessageCommandAsync(bot.Bob, said, menu)).ResponseAsync();
            Assert.True(answer.IsEphemeral);
            Assert.Contains("no open postmortem in this channel", answer.Content, StringComparison.Ordinal);
        }

        bot.AssertNoViolations();
    }

    private static async Task<Core.Postmortem> GetAsync(BotUnderTest bot, long id) =>
        (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(id)))!;

    // The modal's inputs and selects by custom id.
    private static Dictionary<string, JsonObject> Inputs(InteractionHandle handle) =>
        handle.Modal!["components"]!.AsArray().OfType<JsonObject>()
            .Select(c => c["component"] as JsonObject ?? c)
            .Where(c => c["custom_id"] is not null)
            .ToDictionary(c => c["custom_id"]!.GetValue<string>());
}
