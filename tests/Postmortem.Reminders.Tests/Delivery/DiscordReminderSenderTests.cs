using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Reminders.Delivery;
using Postmortem.Testing.Storage;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Delivery;

public sealed class DiscordReminderSenderTests
{
    private static Snowflake DmChannel { get; } = new(930000000000000001);
    private static Snowflake ThreadChannel { get; } = Snowflake.Parse(ThreadId);

    private readonly InMemoryStorage _storage = new();
    private readonly Mock<IDiscordRestClient> _rest = new(MockBehavior.Strict);

    private static ReminderMessage Message(UserRef owner) => new(
        GuildId, ChannelId, ThreadId, new PostmortemId(42), "Incremental compilation fingerprint bug", 7, "5a-i",
        "Survey response playbooks", "5a: Define a playbook", "5: Communicate more quickly", owner, new DateOnly(2026, 5, 20),
        new ReminderSlot(new DateTimeOffset(2026, 5, 13, 9, 0, 0, TimeSpan.Zero), ReminderSlotKind.BeforeDue, -7),
        ReminderMessage.NonceFor(new PostmortemId(42), 7, new DateTimeOffset(2026, 5, 13, 9, 0, 0, TimeSpan.Zero)));

    private static DiscordHttpException Error(HttpStatusCode status, int code) =>
        new(status, code, "error", [], "POST /channels/{channel_id}/messages");

    // Connect() is a restart: new objects over the same stored DM channels.
    private Task<DiscordReminderSender> SenderAsync()
    {
        var dms = new DmChannelCache(_rest.Object, _storage.Connect().DmChannels, TimeProvider.System);
        return Task.FromResult(new DiscordReminderSender(_rest.Object, dms, Options.Create(new ReminderOptions()), NullLogger<DiscordReminderSender>.Instance));
    }

    [Fact]
    public async Task AReminder_IsOneRequestOnceTheDmChannelIsKnown()
    {
        _rest.Setup(r => r.CreateDmAsync(Snowflake.Parse(Wesley.Id), It.IsAny<CancellationToken>())).ReturnsAsync(new Channel { Id = DmChannel });
        var sent = new List<MessagePayload>();
        _rest.Setup(r => r.CreateMessageAsync(DmChannel, Capture.In(sent), It.IsAny<CancellationToken>())).ReturnsAsync(new Message { Id = new Snowflake(1) });
        var sender = await SenderAsync();

        await sender.SendReminderAsync(Message(Wesley));
        var outcome = await sender.SendReminderAsync(Message(Wesley));
        // A new cache over the same database (a restart) knows the channel too.
        await (await SenderAsync()).SendReminderAsync(Message(Wesley));

        Assert.Equal(new Delivered(DeliveryChannel.Dm, DmChannel.ToString(), "1"), outcome);
        _rest.Verify(r => r.CreateDmAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>()), Times.Once());
        Assert.Equal(3, sent.Count);
        var payload = sent[0];
        Assert.Equal(AllowedMentions.None, payload.AllowedMentions);
        Assert.Equal("Action item 5a-i is due in 7 days", Assert.Single(payload.Embeds!).Title);
        Assert.Equal(Message(Wesley).Nonce, payload.Nonce);
        var buttons = Assert.IsType<ActionRow>(Assert.Single(payload.Components!)).Components.Cast<Button>().ToList();
        Assert.Equal(["rem:done:42:7", "rem:snooze:42:7:1", "rem:snooze:42:7:3", "rem:snooze:42:7:7", "rem:drop:42:7"], buttons.Select(b => b.CustomId));
        Assert.Equal(["Done", "Snooze 1 day", "Snooze 3 days", "Snooze 7 days", "Not doing"], buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task AnOwnerWhoTakesNoDms_IsRemindedInTheThread_MentioningOnlyThem()
    {
        _rest.Setup(r => r.CreateDmAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Channel { Id = DmChannel });
        _rest.Setup(r => r.CreateMessageAsync(DmChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Error(HttpStatusCode.Forbidden, DiscordErrorCodes.CannotDmUser));
        MessagePayload? inThread = null;
        _rest.Setup(r => r.CreateMessageAsync(ThreadChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .Callback<Snowflake, MessagePayload, CancellationToken>((_, p, _) => inThread = p)
            .ReturnsAsync(new Message { Id = new Snowflake(2) });

        var outcome = await (await SenderAsync()).SendReminderAsync(Message(Ana));

        Assert.Equal(new Delivered(DeliveryChannel.Thread, ThreadId, "2"), outcome);
        Assert.StartsWith($"<@{Ana.Id}> ", inThread!.Content, StringComparison.Ordinal);
        Assert.Equal([Snowflake.Parse(Ana.Id)], inThread.AllowedMentions!.Users);
        Assert.Empty(inThread.AllowedMentions.Parse!);
        Assert.NotEmpty(inThread.Components!);
    }

    [Fact]
    public async Task OtherClientErrors_AreRefusals_NotRetried()
    {
        _rest.Setup(r => r.CreateDmAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Channel { Id = DmChannel });
        _rest.Setup(r => r.CreateMessageAsync(DmChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Error(HttpStatusCode.BadRequest, DiscordErrorCodes.InvalidFormBody));

        var outcome = await (await SenderAsync()).SendReminderAsync(Message(Wesley));

        Assert.IsType<Refused>(outcome);
    }

    [Fact]
    public async Task ServerErrorsThatOutlastTheClientsRetries_Propagate_SoTheDeliveryIsRetriedLater()
    {
        _rest.Setup(r => r.CreateDmAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Channel { Id = DmChannel });
        _rest.Setup(r => r.CreateMessageAsync(DmChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Error(HttpStatusCode.BadGateway, 0));

        var sender = await SenderAsync();

        await Assert.ThrowsAsync<DiscordHttpException>(() => sender.SendReminderAsync(Message(Wesley)));
    }

    [Fact]
    public async Task AForgottenDmChannel_IsOpenedAgainOnce()
    {
        var fresh = new Snowflake(930000000000000002);
        _rest.SetupSequence(r => r.CreateDmAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Channel { Id = DmChannel })
            .ReturnsAsync(new Channel { Id = fresh });
        _rest.SetupSequence(r => r.CreateMessageAsync(DmChannel, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Message { Id = new Snowflake(1) })
            .ThrowsAsync(Error(HttpStatusCode.NotFound, DiscordErrorCodes.UnknownChannel));
        _rest.Setup(r => r.CreateMessageAsync(fresh, It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Message { Id = new Snowflake(3) });
        var sender = await SenderAsync();

        await sender.SendReminderAsync(Message(Wesley));
        var outcome = await sender.SendReminderAsync(Message(Wesley));

        Assert.Equal(new Delivered(DeliveryChannel.Dm, fresh.ToString(), "3"), outcome);
    }
}
