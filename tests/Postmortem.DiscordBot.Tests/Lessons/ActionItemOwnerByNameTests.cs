using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Tests.FiveWhys;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Lessons;

/// <summary>The "I'll own one" form's Owner field: a member typed by name, found with Discord's member search (op 8).</summary>
public sealed class ActionItemOwnerByNameTests
{
    private static string Due() =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Discord.Emulator.InteractionResponse> SubmitItemAsync(BotUnderTest bot, string owner)
    {
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var alice = new UserRef(bot.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "alice");
        var lesson = await service.ExecuteAsync(new PostmortemId(1), new AddLesson("Release communication was slow.", []), alice);
        await service.ExecuteAsync(new PostmortemId(1), new AddCorrectiveAction(lesson.Result.CreatedId!.Value, "A playbook for user communication."), alice);
        var postmortem = await WhysPromptTests.GetAsync(bot);
        var action = postmortem.CorrectiveActions.Single();
        var prompt = await WhysPromptTests.PostPromptAsync(bot, thread, postmortem, new FacilitatorPrompt(
            PromptKind.ActionItem, "lessons", "Corrective action 1a", "What short-term action item moves 1a forward?", "", action.Id));
        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, prompt, BotUnderTest.CustomIdStartingWith(prompt, "item-own:"));
        Assert.True((await click.ResponseAsync()).IsModal);
        var fields = new Dictionary<string, string> { ["text"] = "Survey response playbooks.", ["due"] = Due(), ["owner"] = owner };
        return await (await bot.Emulator.SubmitModalAsync(bot.Bob, click, fields)).ResponseAsync();
    }

    private static async Task<IReadOnlyList<ActionItem>> ItemsAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!.ActionItems;

    [Fact]
    public async Task OwnerTypedByTheStartOfAName_IsTheOneMemberItFits()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var carol = bot.Emulator.CreateUser("carol");
        bot.Guild.AddMember(carol);

        var reply = await SubmitItemAsync(bot, "car");

        Assert.Contains("**1a-i**, owned by carol", reply.Content, StringComparison.Ordinal);
        Assert.Equal(carol.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await ItemsAsync(bot)).Owner!.Id);
        Assert.Contains(bot.Emulator.Gateway.Received, f => f.Op == 8 && f.Data!["query"]!.GetValue<string>() == "car");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task OwnerThatFitsSeveralMembers_IsRejected_UnlessOneIsExact()
    {
        await using var bot = await BotUnderTest.StartAsync();
        bot.Guild.AddMember(bot.Emulator.CreateUser("sam"));
        bot.Guild.AddMember(bot.Emulator.CreateUser("samantha"));

        var ambiguous = await SubmitItemAsync(bot, "sa");

        Assert.True(ambiguous.IsEphemeral);
        Assert.Contains("start with \"sa\"", ambiguous.Content, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", ambiguous.Content, StringComparison.Ordinal);
        Assert.Empty(await ItemsAsync(bot));
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task OwnerThatIsExactlyOneUsername_WinsOverLongerNames()
    {
        await using var bot = await BotUnderTest.StartAsync();
        bot.Guild.AddMember(bot.Emulator.CreateUser("sam"));
        bot.Guild.AddMember(bot.Emulator.CreateUser("samantha"));

        var reply = await SubmitItemAsync(bot, "@Sam");

        Assert.Contains("owned by sam,", reply.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task OwnerNobodyIsCalled_IsRejected()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var reply = await SubmitItemAsync(bot, "zed");

        Assert.True(reply.IsEphemeral);
        Assert.Contains("No member's username starts with \"zed\"", reply.Content, StringComparison.Ordinal);
        Assert.Empty(await ItemsAsync(bot));
        bot.AssertNoViolations();
    }
}
