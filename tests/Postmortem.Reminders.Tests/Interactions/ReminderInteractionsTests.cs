using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Actions;
using Postmortem.Core.Export;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Interactions;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Interactions;

public sealed class ReminderInteractionsTests : IDisposable
{
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _database.Dispose();

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static Interaction Click(string customId, UserRef user, string? guildId = null) => new()
    {
        Id = new Snowflake(1),
        Type = InteractionType.MessageComponent,
        Token = "token",
        GuildId = guildId is null ? null : Snowflake.Parse(guildId),
        DmUser = new User { Id = Snowflake.Parse(user.Id), Username = user.DisplayName },
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private static Interaction Submit(string customId, UserRef user, string field, string value) => new()
    {
        Id = new Snowflake(2),
        Type = InteractionType.ModalSubmit,
        Token = "token",
        DmUser = new User { Id = Snowflake.Parse(user.Id), Username = user.DisplayName },
        Data = new InteractionData
        {
            CustomId = customId,
            Components = [new Label("field", new TextInput { CustomId = field, Value = value })],
        },
    };

    private static string Ephemeral(InteractionResponse response)
    {
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<MessagePayload>(response.Data);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        return message.Content!;
    }

    /// <summary>Sends the due-day reminder in one process and returns its button ids; the process then ends.</summary>
    private async Task<(PostmortemId Id, int Item, IReadOnlyList<string> Buttons)> ReminderFromBeforeARestartAsync()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);
        _clock.SetUtcNow(At9(Due));
        await world.RunDueAsync();
        var message = Assert.Single(world.Sender.Reminders);
        return (id, item, [.. ReminderContent.Buttons(message).Components.Cast<Button>().Select(b => b.CustomId!)]);
    }

    [Fact]
    public async Task DoneOnAReminderFromBeforeARestart_OpensTheModal_AndItsSubmitCompletesTheItem()
    {
        var (id, item, buttons) = await ReminderFromBeforeARestartAsync();
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);

        var modal = await world.Interactions.HandleAsync(Click(buttons[0], Wesley));

        Assert.Equal(InteractionCallbackType.Modal, modal.Type);
        var data = Assert.IsType<ModalData>(modal.Data);
        Assert.Equal($"rem:done-modal:{id}:{item}", data.CustomId);
        var reply = await world.Interactions.HandleAsync(Submit(data.CustomId, Wesley, ReminderCustomIds.EvidenceField, "https://github.com/rust-lang/rust/pull/84910"));

        Assert.Contains("is done", Ephemeral(reply), StringComparison.Ordinal);
        var done = (await world.Service.GetAsync(id))!.FindActionItem(item)!;
        Assert.Equal(ActionItemStatus.Done, done.Status);
        Assert.Equal("https://github.com/rust-lang/rust/pull/84910", done.Evidence);
        Assert.Null(await world.RowAsync(id, item)); // no more reminders
    }

    [Fact]
    public async Task EvidenceThatIsNotALink_IsRejected_AndNothingChanges()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);

        var reply = await world.Interactions.HandleAsync(Submit(ReminderCustomIds.ForDoneModal(id, item), Wesley, ReminderCustomIds.EvidenceField, "trust me"));

        Assert.Contains("must be a link", Ephemeral(reply), StringComparison.Ordinal);
        Assert.Equal(ActionItemStatus.Open, (await world.Service.GetAsync(id))!.FindActionItem(item)!.Status);
    }

    [Fact]
    public async Task NotDoing_AsksForAReason_DropsTheItem_AndTheExportShowsTheReason()
    {
        var (id, item, buttons) = await ReminderFromBeforeARestartAsync();
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);

        var modal = Assert.IsType<ModalData>((await world.Interactions.HandleAsync(Click(buttons[^1], Wesley))).Data);
        Assert.Equal(ReminderCustomIds.ForDropModal(id, item), modal.CustomId);
        await world.Interactions.HandleAsync(Submit(modal.CustomId, Wesley, ReminderCustomIds.ReasonField, "The release team now owns user communication"));

        var postmortem = (await world.Service.GetAsync(id))!;
        Assert.Equal(ActionItemStatus.Dropped, postmortem.FindActionItem(item)!.Status);
        var export = MarkdownExporter.Export(postmortem, BuiltInTemplates.RustCompiler2021, new ExportOptions { TimeZone = TimeZoneInfo.Utc });
        Assert.Contains("The release team now owns user communication", export, StringComparison.Ordinal);
        Assert.Null(await world.RowAsync(id, item));
    }

    [Fact]
    public async Task Snooze_PostponesTheNextReminder_ByThatManyDays()
    {
        var (id, item, buttons) = await ReminderFromBeforeARestartAsync();
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        _clock.Advance(TimeSpan.FromHours(1));

        var reply = Ephemeral(await world.Interactions.HandleAsync(Click(buttons[2], Wesley))); // 3 days

        Assert.Contains("Saturday 23 May at 09:00", reply, StringComparison.Ordinal);
        var row = await world.RowAsync(id, item);
        Assert.Equal(At9(Due.AddDays(3)), row!.SnoozedUntil);
        Assert.Equal(At9(Due.AddDays(3)), row.NextAt);
        _clock.SetUtcNow(At9(Due.AddDays(3)));
        await world.RunDueAsync();
        Assert.Equal(Core.Reminders.ReminderSlotKind.Snoozed, Assert.Single(world.Sender.Reminders).Slot.Kind);
        Assert.Equal(At9(Due.AddDays(7)), (await world.RowAsync(id, item))!.NextAt);
    }

    [Fact]
    public async Task SomeoneElse_CannotActOnTheItem_ButTheFacilitatorCan()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due, facilitator: Felix);
        await world.Sync.SyncAsync();

        var refused = Ephemeral(await world.Interactions.HandleAsync(Click(ReminderCustomIds.ForSnooze(id, item, 1), Ana)));
        var allowed = await world.Interactions.HandleAsync(Click(ReminderCustomIds.ForDone(id, item), Felix));

        Assert.Contains("Only the owner", refused, StringComparison.Ordinal);
        Assert.Null((await world.RowAsync(id, item))!.SnoozedUntil);
        Assert.Equal(InteractionCallbackType.Modal, allowed.Type);
    }

    [Fact]
    public async Task AButtonUsedInAnotherGuild_IsRejected()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        var (id, item) = await world.CreateItemAsync(Wesley, Due);

        var reply = Ephemeral(await world.Interactions.HandleAsync(Click(ReminderCustomIds.ForDone(id, item), Wesley, OtherGuildId)));

        Assert.Contains("does not exist", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rem:done:42")]
    [InlineData("rem:snooze:42:1:2")]
    [InlineData("rem:done:x:1")]
    [InlineData("pm:42:why:7:answer")]
    public void MalformedOrForeignCustomIds_AreNotParsed(string customId) =>
        Assert.False(ReminderCustomIds.TryParse(customId, out _));

    [Fact]
    public async Task ActionsMine_ListsTheUsersOpenItems_TenAPage()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        for (var i = 0; i < 12; i++)
        {
            await world.CreateItemAsync(Wesley, Due.AddDays(i), text: $"Item number {i}");
        }

        await world.CreateItemAsync(Ana, Due, text: "Someone else's item");
        var command = new Interaction
        {
            Type = InteractionType.ApplicationCommand,
            Token = "token",
            GuildId = Snowflake.Parse(GuildId),
            Member = new GuildMember { User = new User { Id = Snowflake.Parse(Wesley.Id), Username = "wesley" } },
            Data = new InteractionData
            {
                Name = ActionsCommand.Name,
                Options = [new InteractionOption { Type = Discord.Models.ApplicationCommandOptionType.SubCommand, Name = ActionsCommand.Mine }],
            },
        };

        var first = Assert.IsType<MessagePayload>((await world.Services.GetService<ActionsCommand>()!.HandleAsync(command)).Data);
        var next = Assert.IsType<ActionRow>(Assert.Single(first.Components!)).Components.Cast<Button>().Last();
        var second = await world.Interactions.HandleAsync(command with { Type = InteractionType.MessageComponent, Data = new InteractionData { CustomId = next.CustomId } });

        Assert.Equal(MessageFlags.Ephemeral, first.Flags);
        Assert.StartsWith("**Your open action items** (12), page 1 of 2", first.Content, StringComparison.Ordinal);
        Assert.Contains("Item number 9", first.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Item number 10", first.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", first.Content, StringComparison.Ordinal);
        Assert.Equal(InteractionCallbackType.UpdateMessage, second.Type);
        Assert.Contains("Item number 11", Assert.IsType<MessagePayload>(second.Data).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionsOverdue_ListsOnlyItemsPastTheirDueDateInTheGuildZone()
    {
        await using var world = await ReminderWorld.StartAsync(_database.Path, _clock);
        await world.CreateItemAsync(Wesley, Due, text: "Late item");
        await world.CreateItemAsync(Ana, Due.AddDays(10), text: "Future item");
        _clock.SetUtcNow(At9(Due.AddDays(2)));
        var command = new Interaction
        {
            Type = InteractionType.ApplicationCommand,
            Token = "token",
            GuildId = Snowflake.Parse(GuildId),
            Member = new GuildMember { User = new User { Id = Snowflake.Parse(Felix.Id), Username = "felix" } },
            Data = new InteractionData
            {
                Name = ActionsCommand.Name,
                Options = [new InteractionOption { Type = Discord.Models.ApplicationCommandOptionType.SubCommand, Name = ActionsCommand.Overdue }],
            },
        };

        var list = Assert.IsType<MessagePayload>((await world.Services.GetService<ActionsCommand>()!.HandleAsync(command)).Data).Content!;

        Assert.Contains("Late item", list, StringComparison.Ordinal);
        Assert.Contains("2 days overdue", list, StringComparison.Ordinal);
        Assert.Contains($"<@{Wesley.Id}>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Future item", list, StringComparison.Ordinal);
    }
}
