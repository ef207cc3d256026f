using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Interactions;

namespace Postmortem.DiscordBot.Tests.Reminders;

public sealed class ReminderButtonsTests
{
    [Fact]
    public async Task Done_InAReminderDm_CompletesTheItem_AndEditsThePinnedDashboard()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var dashboard = Assert.Single(thread.PinnedMessages);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var id = new PostmortemId(1);
        var alice = new UserRef(bot.Alice.Id.ToString(CultureInfo.InvariantCulture), "alice");
        var bob = new UserRef(bot.Bob.Id.ToString(CultureInfo.InvariantCulture), "bob");
        // Straight through the engine, so nothing but the reminder button can edit the dashboard below.
        var lesson = (await service.ExecuteAsync(id, new AddLesson("Release communication was slow.", []), alice)).Result.CreatedId!.Value;
        var action = (await service.ExecuteAsync(id, new AddCorrectiveAction(lesson, "Define a playbook."), alice)).Result.CreatedId!.Value;
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var item = (await service.ExecuteAsync(id, new AddActionItem(action, "Survey playbooks", bob, due), alice)).Result.CreatedId!.Value;
        var postmortem = (await service.GetAsync(id))!;
        var slot = new ReminderSlot(DateTimeOffset.UtcNow, ReminderSlotKind.BeforeDue, -7);
        await bot.Services.GetRequiredService<IReminderSender>()
            .SendReminderAsync(ReminderMessage.Create(postmortem, postmortem.FindActionItem(item)!, slot));
        var reminder = Assert.Single(bot.Emulator.Dms(bot.Bob));
        var editsBefore = DashboardEdits(bot, dashboard.Id);

        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, reminder, ReminderCustomIds.ForDone(id, item));
        Assert.True((await click.ResponseAsync()).IsModal);
        var submit = await bot.Emulator.SubmitModalAsync(bot.Bob, click, new Dictionary<string, string> { [ReminderCustomIds.EvidenceField] = "https://example.org/pr/1" });
        var answer = await submit.ResponseAsync();

        Assert.True(answer.IsEphemeral);
        Assert.Contains("is done", answer.Content, StringComparison.Ordinal);
        Assert.Equal(ActionItemStatus.Done, (await service.GetAsync(id))!.FindActionItem(item)!.Status);
        await bot.Emulator.WaitForAsync(() => DashboardEdits(bot, dashboard.Id) > editsBefore, description: "the dashboard edited after Done");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task ActionsMine_NextAndPrevious_ReplaceTheEphemeralList()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var id = new PostmortemId(1);
        var alice = new UserRef(bot.Alice.Id.ToString(CultureInfo.InvariantCulture), "alice");
        var bob = new UserRef(bot.Bob.Id.ToString(CultureInfo.InvariantCulture), "bob");
        var lesson = (await service.ExecuteAsync(id, new AddLesson("Release communication was slow.", []), alice)).Result.CreatedId!.Value;
        var action = (await service.ExecuteAsync(id, new AddCorrectiveAction(lesson, "Define a playbook."), alice)).Result.CreatedId!.Value;
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        for (var i = 0; i < ActionsCommand.PageSize + 2; i++)
        {
            await service.ExecuteAsync(id, new AddActionItem(action, $"Survey playbook {i}", bob, due), alice);
        }

        var list = await bot.Emulator.RunSlashCommandAsync(bot.Bob, bot.Incidents, ActionsCommand.Name, ActionsCommand.Mine);
        var first = await list.ResponseAsync();
        var next = await bot.Emulator.ClickButtonAsync(bot.Bob, list.Original!, ReminderCustomIds.ForPage(ActionsCommand.Mine, 1));
        var second = await next.ResponseAsync();
        var shownAfterNext = next.Original!.Content;
        var previous = await bot.Emulator.ClickButtonAsync(bot.Bob, next.Original!, ReminderCustomIds.ForPage(ActionsCommand.Mine, 0));
        var third = await previous.ResponseAsync();

        Assert.True(first.IsEphemeral);
        Assert.Contains("page 2 of 2", second.Content, StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", shownAfterNext, StringComparison.Ordinal);
        Assert.Same(list.Original, next.Original);
        Assert.True(next.Original!.IsEphemeral);
        Assert.Contains("page 1 of 2", third.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    private static int DashboardEdits(BotUnderTest bot, ulong messageId) =>
        bot.Emulator.Requests.Count(r => r.Method == "PATCH" && r.Path.EndsWith($"/messages/{messageId}", StringComparison.Ordinal));
}
