using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Postmortem.Core.Postmortems;
using Postmortem.Discord;
using Postmortem.Discord.Emulator;
using Postmortem.Discord.Rest;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Reminders.Tests.Delivery;

/// <summary>The real sender and REST client against the Discord emulator on loopback.</summary>
public sealed class EmulatorDeliveryTests : IAsyncLifetime, IDisposable
{
    private static DateTimeOffset Start { get; } = new(2026, 5, 4, 6, 0, 0, TimeSpan.Zero);
    private static DateOnly Due { get; } = new(2026, 5, 20);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly HttpClient _http = new();
    private DiscordEmulator _discord = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _discord = await DiscordEmulator.StartAsync();
        _rest = new DiscordRestClient(
            _http,
            Options.Create(new DiscordOptions { Token = _discord.BotToken, ApiBaseUrl = _discord.ApiBaseUrl }),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _database.Dispose();
    }

    private static DateTimeOffset At9(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task Reminders_GoToTheOwnersDms_OneRequestEach_OrToTheChannelWhenDmsAreClosed()
    {
        var guild = _discord.CreateGuild("Rust");
        var channel = guild.CreateTextChannel("postmortems");
        var wesley = _discord.CreateUser("wesley");
        var ana = _discord.CreateUser("ana", acceptsDms: false);
        guild.AddMember(wesley);
        guild.AddMember(ana);
        var wesleyRef = new UserRef(wesley.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Wesley");
        var anaRef = new UserRef(ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Ana");
        var guildId = guild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var channelId = channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using (var world = await ReminderWorld.StartAsync(_database.Path, _clock, discord: _rest))
        {
            await world.CreateItemAsync(wesleyRef, Due, guildId: guildId, channelId: channelId, threadId: null);
            await world.CreateItemAsync(anaRef, Due, guildId: guildId, channelId: channelId, threadId: null);
            _clock.SetUtcNow(At9(Due.AddDays(-7)));
            Assert.Equal([ReminderDelivery.Result.Sent, ReminderDelivery.Result.Sent], await world.RunDueAsync());
        }

        // A restart: the DM channel id comes from the database, so the next reminder is one request.
        await using (var world = await ReminderWorld.StartAsync(_database.Path, _clock, discord: _rest))
        {
            _clock.SetUtcNow(At9(Due.AddDays(-1)));
            Assert.Equal([ReminderDelivery.Result.Sent, ReminderDelivery.Result.Sent], await world.RunDueAsync());
        }

        _discord.ThrowIfViolations();
        Assert.Single(_discord.RequestsTo("POST /users/@me/channels"), r => r.Body?["recipient_id"]?.ToString() == wesleyRef.Id);
        var dms = _discord.Dms(wesley);
        Assert.Equal(2, dms.Count);
        Assert.Equal("Reminder: action item 1a-i of \"Incremental compilation fingerprint bug\" is due in 7 days.", dms[0].Content);
        Assert.Equal(5, dms[0].Components[0]!["components"]!.AsArray().Count);
        Assert.Empty(_discord.Dms(ana));

        var inChannel = _discord.GetMessages(channel.Id);
        Assert.Equal(2, inChannel.Count);
        Assert.StartsWith(ana.Mention, inChannel[0].Content, StringComparison.Ordinal);
        Assert.Equal([ana.Id], inChannel[0].Pings.Users);
        Assert.Contains("due tomorrow", inChannel[1].Content, StringComparison.Ordinal);
    }
}
