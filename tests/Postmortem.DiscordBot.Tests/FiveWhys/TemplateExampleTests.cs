using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

/// <summary>The template's own example, end to end: the 1.52.0 whys, lesson 5 with corrective actions 5a and 5b.</summary>
public sealed class TemplateExampleTests
{
    private const string Canary = "Why did the beta channel fail as a canary for 1.52.0?";
    private const string CiServices = "Why didn't the beta channel cause ICEs for CI services, the hypothesised primary beta users?";
    private const string Favouring = "Why are end developers favouring nightly or stable over beta?";
    private const string Entice = "Why not entice developers to use beta, e.g. with features unavailable on stable?";
    private const string Lesson5 = "We need to be willing and able to communicate more quickly with our users after an event like this.";

    [Fact]
    public async Task TheWhysOf152_BranchAndReachRootCauses_ThenLessonsActionsStatusAndExport()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice, "1.52.0 incremental compilation");

        // Why 1, asked by command in the postmortem's thread: it opens the whys thread, linked from the dashboard.
        var ask = await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = Canary });
        Assert.True((await ask.ResponseAsync()).IsDeferred);
        var asked = await ask.WaitForOriginalAsync();
        var whys = await WhySteps.WhysThreadAsync(bot);
        Assert.Equal("Five Whys: 1.52.0 incremental compilation", whys.Name);
        Assert.Equal(ChannelKind.PublicThread, whys.Kind);
        Assert.Equal(bot.Alice, asked.VisibleTo);
        Assert.Contains(whys.Mention, asked.Content, StringComparison.Ordinal);
        var why1 = await WhySteps.NodeAsync(bot, whys, "Why 1");
        Assert.Contains(Canary, why1.Content, StringComparison.Ordinal);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains(whys.Mention, StringComparison.Ordinal), description: "the whys thread on the dashboard");

        // A two-fold answer: two answers, two branches, each with a follow-up why.
        var answer1a = await WhySteps.AnswerAsync(bot, bot.Alice, whys, why1, "1a", "Its hypothesised primary users, CI services, hit no ICEs.");
        await WhySteps.PressAndSubmitAsync(bot, bot.Bob, answer1a, "why-another", "Few end developers use beta at all.");
        var answer1b = await WhySteps.NodeAsync(bot, whys, "1b");
        var why11 = await WhySteps.FollowUpAsync(bot, bot.Alice, whys, answer1a, "1.1", CiServices);
        await WhySteps.FollowUpAsync(bot, bot.Bob, whys, answer1b, "1.2", Favouring);

        // Commands work inside the whys thread too (no id), with answers suggested by number.
        var answered = await bot.SlashAsync(bot.Bob, whys, "why answer", new { why = "1.2", text = "Beta offers nothing that stable lacks." });
        await answered.WaitForOriginalAsync();
        await WhySteps.NodeAsync(bot, whys, "1.2a");
        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Alice, whys, "postmortem", "why ask", "from", "1.2", new { question = Entice })).ResponseAsync();
        Assert.Contains(suggested.Choices, c => c["value"]!.GetValue<string>() == "1.2a");
        await (await bot.SlashAsync(bot.Alice, whys, "why ask", new { question = Entice, from = "1.2a" })).WaitForOriginalAsync();
        var why121 = await WhySteps.NodeAsync(bot, whys, "Why 1.2.1");
        var answer11a = await WhySteps.AnswerAsync(bot, bot.Bob, whys, why11, "1.1a", "CI pipelines pin stable or nightly; beta was never part of them.");
        var answer121a = await WhySteps.AnswerAsync(bot, bot.Alice, whys, why121, "1.2.1a", "Nobody owns making beta attractive to developers.");

        // Root causes: the toggle redraws the answer's message in place, both ways.
        await ToggleRootCauseAsync(bot, bot.Alice, answer11a);
        Assert.Contains("Root cause", answer11a.Content, StringComparison.Ordinal);
        await ToggleRootCauseAsync(bot, bot.Bob, answer121a);
        await ToggleRootCauseAsync(bot, bot.Bob, answer121a);
        Assert.DoesNotContain("🎯", answer121a.Content, StringComparison.Ordinal);
        await ToggleRootCauseAsync(bot, bot.Bob, answer121a);
        Assert.Contains("🎯 **Root cause**", answer121a.Content, StringComparison.Ordinal);

        var tree = string.Join("\n", await WhySteps.AllPagesAsync(bot, bot.Bob, await bot.SlashAsync(bot.Bob, whys, "whys")));
        Assert.Contains("4 whys, 5 answers, 2 root causes", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("Unanswered", tree, StringComparison.Ordinal);
        Assert.True(tree.IndexOf("**Why 1.1**", StringComparison.Ordinal) < tree.IndexOf("**Why 1.2**", StringComparison.Ordinal));
        Assert.Contains("**1.2.1a** Nobody owns making beta attractive to developers. 🎯 **root cause**", tree, StringComparison.Ordinal);

        // Lessons 1-4 exist already, so ours is lesson 5 as in the template; 5a gets an action item, 5b none.
        await AddEarlierLessonsAsync(bot);
        var lesson = await (await bot.SlashAsync(bot.Alice, thread, "lesson add", new Dictionary<string, object?> { ["text"] = Lesson5, ["root-causes"] = "1.1a, 1.2.1a" })).ResponseAsync();
        Assert.Contains("lesson **5**", lesson.Content, StringComparison.Ordinal);
        var corrective5a = await (await bot.SlashAsync(bot.Alice, thread, "action corrective", new { lesson = "5", text = "Define a playbook for communicating with users after a user-impacting event." })).ResponseAsync();
        var corrective5b = await (await bot.SlashAsync(bot.Bob, thread, "action corrective", new { lesson = "5", text = "Add the ability to issue public service announcements from rustup." })).ResponseAsync();
        Assert.Contains("**5a**", corrective5a.Content, StringComparison.Ordinal);
        Assert.Contains("**5b**", corrective5b.Content, StringComparison.Ordinal);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var item = await (await bot.SlashAsync(bot.Alice, thread, "action item", new Dictionary<string, object?>
        {
            ["corrective"] = "5a",
            ["text"] = "Survey response playbooks, especially of programming languages.",
            ["owner"] = bot.Bob,
            ["due"] = due,
        })).ResponseAsync();
        Assert.True(item.IsEphemeral);
        Assert.Contains("**5a-i**", item.Content, StringComparison.Ordinal);
        Assert.Contains("owner bob", item.Content, StringComparison.Ordinal);

        // The linter flags exactly the corrective action without an action item, by its number.
        var status = string.Join("\n", await WhySteps.AllPagesAsync(bot, bot.Bob, await bot.SlashAsync(bot.Bob, thread, "status")));
        var gaps = status.Split('\n').Where(l => l.Contains("has no action item", StringComparison.Ordinal)).ToList();
        Assert.Contains("Corrective action 5b has no action item", Assert.Single(gaps), StringComparison.Ordinal);

        var export = await bot.SlashAsync(bot.Bob, thread, "export");
        // The document comes first; the pictures it links to (the Five Whys tree here) follow in the same message.
        var markdown = Assert.Single((await export.WaitForOriginalAsync()).Attachments, a => a.FileName.EndsWith(".md", StringComparison.Ordinal)).Text;
        Assert.Contains($"- **Why 1:** {Canary}", markdown, StringComparison.Ordinal);
        Assert.Contains($"- **Why 1.2.1:** {Entice}", markdown, StringComparison.Ordinal);
        Assert.Contains("**1.1a (root cause):** CI pipelines pin stable or nightly; beta was never part of them.", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart TD", markdown, StringComparison.Ordinal);
        Assert.Contains("ROOT CAUSE", markdown, StringComparison.Ordinal);
        Assert.Contains("### Lesson 5", markdown, StringComparison.Ordinal);
        Assert.Contains("**Corrective action 5b:**", markdown, StringComparison.Ordinal);
        Assert.Contains("5a-i", markdown, StringComparison.Ordinal);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("Participants (2): alice, bob", StringComparison.Ordinal), description: "both on the dashboard");
        bot.AssertNoViolations();
    }

    private static async Task ToggleRootCauseAsync(BotUnderTest bot, EmulatedUser user, EmulatedMessage answer)
    {
        var click = await bot.Emulator.ClickButtonAsync(user, answer, BotUnderTest.CustomIdStartingWith(answer, "why-root:"));
        Assert.Equal(InteractionResponse.UpdateMessage, (await click.ResponseAsync()).Type);
    }

    // Four earlier lessons, each complete (corrective action with an owned, dated item), straight through the engine.
    private static async Task AddEarlierLessonsAsync(BotUnderTest bot)
    {
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(CultureInfo.InvariantCulture), "alice");
        var id = new PostmortemId(1);
        for (var i = 1; i <= 4; i++)
        {
            var lesson = await service.ExecuteAsync(id, new AddLesson($"Earlier lesson {i}.", []), alice);
            var action = await service.ExecuteAsync(id, new AddCorrectiveAction(lesson.Result.CreatedId!.Value, $"Corrective action for lesson {i}."), alice);
            var added = await service.ExecuteAsync(id, new AddActionItem(action.Result.CreatedId!.Value, $"First step for lesson {i}.", alice, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)), alice);
            Assert.True(added.Succeeded, added.Result.Message);
        }
    }
}
