using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Lessons;

public sealed class LessonsTests
{
    [Fact]
    public async Task ActionItem_DueInThePast_IsRejected_AndBeyondTheHorizon_IsKeptWithAWarning()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await LessonWithCorrectiveActionAsync(bot, thread);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var past = await ItemAsync(bot, thread, "Survey playbooks", today.AddDays(-2), bot.Bob);
        var notADate = await ItemAsync(bot, thread, "Survey playbooks", "in two weeks", bot.Bob);
        var tooLate = await ItemAsync(bot, thread, "Rewrite the release tooling", today.AddDays(120), bot.Bob);
        var unowned = await ItemAsync(bot, thread, "Draft the playbook", null, null);

        Assert.True(past.IsEphemeral);
        Assert.Contains("is in the past", past.Content, StringComparison.Ordinal);
        Assert.Contains("is not a date", notADate.Content, StringComparison.Ordinal);
        Assert.Contains("**1a-i**", tooLate.Content, StringComparison.Ordinal);
        Assert.Contains("more than 90 days after the postmortem started", tooLate.Content, StringComparison.Ordinal);
        Assert.Contains("**1a-ii**", unowned.Content, StringComparison.Ordinal);
        Assert.Contains("no owner yet", unowned.Content, StringComparison.Ordinal);
        var stored = await GetAsync(bot);
        Assert.Equal(2, stored.ActionItems.Count);
        Assert.Equal(today.AddDays(120), stored.ActionItems[0].Due);
        Assert.Equal(bot.Bob.Id.ToString(CultureInfo.InvariantCulture), stored.ActionItems[0].Owner!.Id);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ActionItems_AreCompletedDroppedAndReopened_PickedByAutocomplete_AndTheOverviewNumbersThem()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await LessonWithCorrectiveActionAsync(bot, thread);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        await ItemAsync(bot, thread, "Survey response playbooks", due, bot.Bob);
        await ItemAsync(bot, thread, "Ask other language teams", due, bot.Alice);
        await ItemAsync(bot, thread, "Write the first draft", due, bot.Bob);

        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Bob, thread, "postmortem", "action complete", "item", "survey")).ResponseAsync();
        Assert.Equal("1a-i", Assert.Single(suggested.Choices)["value"]!.GetValue<string>());
        var completed = await (await bot.SlashAsync(bot.Bob, thread, "action complete", new { item = "1a-i", evidence = "https://example.org/survey" })).ResponseAsync();
        var twice = await (await bot.SlashAsync(bot.Bob, thread, "action complete", new { item = "1a-i" })).ResponseAsync();
        var dropped = await (await bot.SlashAsync(bot.Alice, thread, "action drop", new { item = "1a-ii", reason = "Covered by the survey." })).ResponseAsync();
        var openOnly = await (await bot.Emulator.AutocompleteAsync(bot.Bob, thread, "postmortem", "action drop", "item", "", new { reason = "x" })).ResponseAsync();
        await (await bot.SlashAsync(bot.Bob, thread, "action reopen", new { item = "1a-i" })).ResponseAsync();
        await (await bot.SlashAsync(bot.Bob, thread, "action complete", new { item = "1a-i", evidence = "https://example.org/survey" })).ResponseAsync();
        var edited = await (await bot.SlashAsync(bot.Alice, thread, "action edit", new Dictionary<string, object?> { ["item"] = "1a-iii", ["owner"] = bot.Alice })).ResponseAsync();

        Assert.Contains("is done", completed.Content, StringComparison.Ordinal);
        Assert.Contains("already done", twice.Content, StringComparison.Ordinal);
        Assert.Contains("dropped", dropped.Content, StringComparison.Ordinal);
        Assert.Equal(["1a-iii"], openOnly.Choices.Select(c => c["value"]!.GetValue<string>()));
        Assert.Contains("owner alice", edited.Content, StringComparison.Ordinal);

        var overview = await (await bot.SlashAsync(bot.Bob, bot.Incidents, "actions", new Dictionary<string, object?> { ["id"] = 1L })).ResponseAsync();
        Assert.True(overview.IsEphemeral);
        var lines = overview.Content!.Split('\n');
        var date = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("1 lesson, 1 corrective action, 3 action items (1 done)", lines[0], StringComparison.Ordinal);
        Assert.Equal("**1** Release communication was slow.", lines[1]);
        Assert.Equal("  **1a** Define a playbook for communicating with users.", lines[2]);
        Assert.Equal($"    **1a-i** Survey response playbooks · 👤 bob · 📅 {date} · ✅ done (https://example.org/survey)", lines[3]);
        Assert.Equal($"    **1a-ii** Ask other language teams · 👤 alice · 📅 {date} · 🚫 dropped: Covered by the survey.", lines[4]);
        Assert.Equal($"    **1a-iii** Write the first draft · 👤 alice · 📅 {date} · ⬜ open", lines[5]);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Lesson_RootCausesMustBeRootCauseAnswers_AndALessonCanBeRemovedKeepingNumbers()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(CultureInfo.InvariantCulture), "alice");
        var why = await service.ExecuteAsync(new PostmortemId(1), new Core.FiveWhys.AskWhy(null, "Why did it ship?"), alice);
        var answer = await service.ExecuteAsync(new PostmortemId(1), new Core.FiveWhys.AnswerWhy(why.Result.CreatedId!.Value, "No canary ran."), alice);

        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Alice, thread, "postmortem", "lesson add", "root-causes", "", new { text = "x" })).ResponseAsync();
        var notRoot = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new Dictionary<string, object?> { ["text"] = "Canaries matter.", ["root-causes"] = "1a" })).ResponseAsync();
        var unknown = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new Dictionary<string, object?> { ["text"] = "Canaries matter.", ["root-causes"] = "7z" })).ResponseAsync();
        await service.ExecuteAsync(new PostmortemId(1), new Core.FiveWhys.MarkRootCause(answer.Result.CreatedId!.Value), alice);
        var first = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new Dictionary<string, object?> { ["text"] = "Canaries matter.", ["root-causes"] = "1a" })).ResponseAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "lesson remove", new { lesson = "1" })).ResponseAsync();
        var second = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new { text = "Releases need an owner." })).ResponseAsync();

        Assert.Equal("1a", Assert.Single(suggested.Choices)["value"]!.GetValue<string>());
        Assert.Contains("not marked as a root cause", notRoot.Content, StringComparison.Ordinal);
        Assert.Contains("no answer \"7z\"", unknown.Content, StringComparison.Ordinal);
        Assert.Contains("lesson **1**", first.Content, StringComparison.Ordinal);
        Assert.Contains("lesson **2**", second.Content, StringComparison.Ordinal);
        var stored = await GetAsync(bot);
        Assert.Equal([answer.Result.CreatedId!.Value], stored.Lessons[0].RootCauseAnswerIds);
        Assert.True(stored.Lessons[0].Retracted);
        bot.AssertNoViolations();
    }

    private static async Task LessonWithCorrectiveActionAsync(BotUnderTest bot, EmulatedChannel thread)
    {
        await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new { text = "Release communication was slow." })).ResponseAsync();
        var corrective = await (await bot.SlashAsync(bot.Alice, thread, "action corrective", new { lesson = "1", text = "Define a playbook for communicating with users." })).ResponseAsync();
        Assert.Contains("**1a**", corrective.Content, StringComparison.Ordinal);
    }

    private static async Task<InteractionResponse> ItemAsync(BotUnderTest bot, EmulatedChannel thread, string text, object? due, EmulatedUser? owner)
    {
        var options = new Dictionary<string, object?> { ["corrective"] = "1a", ["text"] = text };
        if (due is not null)
        {
            options["due"] = due is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : due;
        }

        if (owner is not null)
        {
            options["owner"] = owner;
        }

        return await (await bot.SlashAsync(bot.Alice, thread, "action item", options)).ResponseAsync();
    }

    private static async Task<Core.Postmortem> GetAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
}
