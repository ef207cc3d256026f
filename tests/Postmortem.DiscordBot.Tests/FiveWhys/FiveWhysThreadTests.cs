using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

public sealed class FiveWhysThreadTests
{
    private const string Filler = "because the rollout process had no step that exercised incremental compilation against real-world crates";

    [Fact]
    public async Task TwoPeopleAnsweringDifferentWhysAtOnce_BothLand()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why did the release break builds?" })).WaitForOriginalAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why did nobody notice for three days?" })).WaitForOriginalAsync();
        var whys = await WhySteps.WhysThreadAsync(bot);
        var why1 = await WhySteps.NodeAsync(bot, whys, "Why 1");
        var why2 = await WhySteps.NodeAsync(bot, whys, "Why 2");
        var aliceOpens = await bot.Emulator.ClickButtonAsync(bot.Alice, why1, BotUnderTest.CustomIdStartingWith(why1, "why-answer:"));
        var bobOpens = await bot.Emulator.ClickButtonAsync(bot.Bob, why2, BotUnderTest.CustomIdStartingWith(why2, "why-answer:"));
        await aliceOpens.ResponseAsync();
        await bobOpens.ResponseAsync();

        var submits = await Task.WhenAll(
            bot.Emulator.SubmitModalAsync(bot.Alice, aliceOpens, new Dictionary<string, string> { ["text"] = "The fingerprint check was new." }),
            bot.Emulator.SubmitModalAsync(bot.Bob, bobOpens, new Dictionary<string, string> { ["text"] = "No alert watched the ICE reports." }));
        var responses = await Task.WhenAll(submits.Select(s => s.ResponseAsync()));

        Assert.All(responses, r => Assert.Equal(InteractionResponse.DeferredUpdateMessage, r.Type));
        Assert.Contains("The fingerprint check was new.", (await WhySteps.NodeAsync(bot, whys, "1a")).Content, StringComparison.Ordinal);
        Assert.Contains("No alert watched the ICE reports.", (await WhySteps.NodeAsync(bot, whys, "2a")).Content, StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1));
        Assert.Equal(["1a", "2a"], stored!.WhyAnswers.Select(a => a.Label).Order(StringComparer.Ordinal));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AWhysTreeOf55Nodes_IsShownCompletelyOverPages_WithinDiscordsLimits()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var numbers = await GrowTreeAsync(bot, nodes: 55);

        var pages = await WhySteps.AllPagesAsync(bot, bot.Bob, await bot.SlashAsync(bot.Bob, thread, "whys"));

        Assert.InRange(pages.Count, 3, 20);
        Assert.All(pages, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(pages.Select((page, i) => (page, i)), x => Assert.Contains($"Page {x.i + 1} of {pages.Count}", x.page, StringComparison.Ordinal));
        var all = string.Join("\n", pages);
        Assert.All(numbers, n => Assert.Contains($"**{n}**", all, StringComparison.Ordinal));
        Assert.Equal(numbers.Count / 6 * 4, all.Split(Filler).Length - 1);
        Assert.True(all.IndexOf("**Unanswered", StringComparison.Ordinal) < all.IndexOf("**Tree**", StringComparison.Ordinal));
        Assert.Contains("🎯 **root cause**", all, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ForgedOrCopiedWhyIds_FromAnotherGuildOrPostmortem_AreNotFound_AndChangeNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var ours = await bot.StartPostmortemAsync(bot.Alice, "Ops outage");
        await (await bot.SlashAsync(bot.Alice, ours, "why ask", new { question = "Why did the deploy fail?" })).WaitForOriginalAsync();
        var whys = await WhySteps.WhysThreadAsync(bot);
        await WhySteps.AnswerAsync(bot, bot.Alice, whys, await WhySteps.NodeAsync(bot, whys, "Why 1"), "1a", "The config was invalid.");
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var before = (await service.GetAsync(new PostmortemId(1)))!;
        var other = bot.Emulator.CreateGuild("Other");
        var otherChannel = other.CreateTextChannel("general");
        var mallory = bot.Emulator.CreateUser("mallory");
        other.AddMember(mallory, DiscordPermissions.Administrator);
        var theirs = await bot.StartPostmortemAsync(mallory, "Their outage", channel: otherChannel);
        var theirPrompt = BotUnderTest.Prompts(theirs)[0];
        var sibling = await bot.StartPostmortemAsync(bot.Bob, "Another outage here");
        var siblingPrompt = BotUnderTest.Prompts(sibling)[0];

        IReadOnlyList<InteractionResponse> refused =
        [
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "why-answer:1:1")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "why-root:1:1")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "whys:1:0")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "timeline-add:1")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "lesson-add:1")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(mallory, theirPrompt, "actions:1:0")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(bot.Bob, siblingPrompt, "why-root:1:1")).ResponseAsync(),
            await (await bot.Emulator.ClickForgedButtonAsync(bot.Bob, siblingPrompt, "why-followup:1:1")).ResponseAsync(),
        ];
        var copied = await (await bot.SlashAsync(mallory, otherChannel, "why ask", new Dictionary<string, object?> { ["question"] = "Why?", ["id"] = 1L })).ResponseAsync();
        var suggestions = await (await bot.Emulator.AutocompleteAsync(mallory, otherChannel, "postmortem", "why answer", "why", "", new Dictionary<string, object?> { ["text"] = "x", ["id"] = 1L })).ResponseAsync();

        Assert.All(refused, r =>
        {
            Assert.False(r.IsModal);
            Assert.True(r.IsEphemeral);
            Assert.Contains("not found here", r.Content, StringComparison.Ordinal);
        });
        Assert.Contains("not found here", copied.Content, StringComparison.Ordinal);
        Assert.Empty(suggestions.Choices);
        var after = (await service.GetAsync(new PostmortemId(1)))!;
        Assert.Equal(before.Version, after.Version);
        Assert.False(after.WhyAnswers.Single().IsRootCause);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AfterARestart_AnOldWhyButtonStillWorks_AndCommandsInTheWhysThreadFindThePostmortem()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why did the canary not catch it?" })).WaitForOriginalAsync();
        var whys = await WhySteps.WhysThreadAsync(bot);
        var why1 = await WhySteps.NodeAsync(bot, whys, "Why 1");

        await bot.RestartAsync();
        var answer = await WhySteps.AnswerAsync(bot, bot.Bob, whys, why1, "1a", "Its users were not the ones who hit the bug.");
        await WhySteps.FollowUpAsync(bot, bot.Alice, whys, answer, "1.1", "Why were its users not the ones who hit the bug?");
        var edit = await (await bot.SlashAsync(bot.Alice, whys, "why edit", new { node = "1.1", text = "Why did beta users not hit the bug?" })).ResponseAsync();

        Assert.True(edit.IsEphemeral);
        Assert.Contains("Why 1.1", edit.Content, StringComparison.Ordinal);
        var why11 = await WhySteps.NodeAsync(bot, whys, "Why 1.1");
        await bot.Emulator.WaitForAsync(() => why11.Content.Contains("Why did beta users not hit the bug?", StringComparison.Ordinal), description: "the edited why");
        Assert.Single(bot.Incidents.Threads, t => t.Name.StartsWith("Five Whys", StringComparison.Ordinal));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task InForumMode_TheWhysGoBelowAHeaderInThePostItself()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var forum = bot.Guild.CreateForumChannel("postmortems");
        bot.Guild.BotPermissions |= DiscordPermissions.ManageChannels;
        await (await bot.SlashAsync(bot.Alice, bot.Incidents, "config", new Dictionary<string, object?> { ["forum-channel"] = forum })).ResponseAsync();
        var post = await bot.StartPostmortemAsync(bot.Alice, "Cache stampede");

        await (await bot.SlashAsync(bot.Alice, post, "why ask", new { question = "Why did every cache entry expire at once?" })).WaitForOriginalAsync();

        Assert.Single(forum.Threads);
        var header = post.PublicMessages.Single(m => m.Content.StartsWith("## 🌳 Five Whys", StringComparison.Ordinal));
        var why1 = await WhySteps.NodeAsync(bot, post, "Why 1");
        Assert.True(why1.CreatedAt >= header.CreatedAt);
        var dashboard = post.PublicMessages[0];
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("further down this post", StringComparison.Ordinal), description: "the link on the dashboard");
        await WhySteps.AnswerAsync(bot, bot.Bob, post, why1, "1a", "All entries were written by one warm-up job with one TTL.");
        bot.AssertNoViolations();
    }

    // Grows a tree with long texts straight through the engine: branches, follow-ups, unanswered whys, root causes.
    private static async Task<IReadOnlyList<string>> GrowTreeAsync(BotUnderTest bot, int nodes)
    {
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(CultureInfo.InvariantCulture), "alice");
        var id = new PostmortemId(1);
        var numbers = new List<string>();

        async Task<(int Id, string Number)> Do(Core.Commands.PostmortemCommand command, Func<Core.Postmortem, int, string> number)
        {
            var outcome = await service.ExecuteAsync(id, command, alice);
            Assert.True(outcome.Succeeded, outcome.Result.Message);
            var created = outcome.Result.CreatedId!.Value;
            numbers.Add(number(outcome.Postmortem!, created));
            return (created, numbers[^1]);
        }

        static string WhyNumber(Core.Postmortem p, int why) => "Why " + p.FindWhy(why)!.Path;
        static string AnswerNumber(Core.Postmortem p, int answer) => p.FindWhyAnswer(answer)!.Label;

        for (var group = 1; numbers.Count < nodes; group++)
        {
            var top = await Do(new AskWhy(null, $"Why did step {group} of the release go wrong, {Filler}?"), WhyNumber);
            var first = await Do(new AnswerWhy(top.Id, $"First cause of step {group}, {Filler}."), AnswerNumber);
            var second = await Do(new AnswerWhy(top.Id, $"Second cause of step {group}, {Filler}."), AnswerNumber);
            var deeper = await Do(new AskWhy(first.Id, $"Why was the first cause of step {group} possible?"), WhyNumber);
            var deepest = await Do(new AnswerWhy(deeper.Id, $"Nobody owned it, {Filler}."), AnswerNumber);
            await service.ExecuteAsync(id, new MarkRootCause(deepest.Id), alice);
            await Do(new AskWhy(second.Id, $"Why was the second cause of step {group} possible?"), WhyNumber);
        }

        Assert.True(numbers.Count >= nodes);
        return numbers;
    }
}
