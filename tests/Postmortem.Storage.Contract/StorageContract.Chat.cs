using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary><see cref="IChatLinkStore"/>, <see cref="IDmChannelStore"/> and <see cref="IGuildSettingsStore"/>.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task ChatLinks_KeepOnePerKind_AndSurviveAReopen()
    {
        var id = await StartAsync();
        var other = await StartAsync();

        await Ports.ChatLinks.SetAsync(id, "dashboard", new ChatLink("channel-1", "message-1"));
        await Ports.ChatLinks.SetAsync(id, "whys", new ChatLink("thread-w", "message-2"));
        await Ports.ChatLinks.SetAsync(id, "dashboard", new ChatLink("channel-1", "message-3"));
        await Ports.ChatLinks.SetAsync(other, "dashboard", new ChatLink("channel-9", "message-4"));

        var reopened = await ReopenAsync();
        Assert.Equal(new ChatLink("channel-1", "message-3"), await reopened.ChatLinks.GetAsync(id, "dashboard"));
        Assert.Equal(new ChatLink("thread-w", "message-2"), await reopened.ChatLinks.GetAsync(id, "whys"));
        Assert.Null(await reopened.ChatLinks.GetAsync(id, "Dashboard"));
        Assert.Null(await reopened.ChatLinks.GetAsync(new PostmortemId(999), "dashboard"));
    }

    [Fact]
    public async Task ChatLinks_FindThePostmortemByKindAndChannel_TheLowestIdWhenSeveral()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        await Ports.ChatLinks.SetAsync(second, "whys", new ChatLink("thread-1", "m-2"));
        await Ports.ChatLinks.SetAsync(first, "whys", new ChatLink("thread-1", "m-1"));
        await Ports.ChatLinks.SetAsync(second, "dashboard", new ChatLink("thread-2", "m-3"));

        Assert.Equal(first, await Ports.ChatLinks.FindPostmortemAsync("whys", "thread-1"));
        Assert.Equal(second, await Ports.ChatLinks.FindPostmortemAsync("dashboard", "thread-2"));
        Assert.Null(await Ports.ChatLinks.FindPostmortemAsync("whys", "thread-2"));
        Assert.Null(await Ports.ChatLinks.FindPostmortemAsync("dashboard", "thread-1"));
    }

    [Fact]
    public async Task DmChannels_AreSavedReplacedAndForgotten()
    {
        Assert.Empty(await Ports.DmChannels.LoadAllAsync());

        await Ports.DmChannels.SaveAsync("user-1", "dm-1", Now);
        await Ports.DmChannels.SaveAsync("user-2", "dm-2", Now);
        await Ports.DmChannels.SaveAsync("user-1", "dm-3", Now.AddDays(1));
        await Ports.DmChannels.ForgetAsync("user-2");
        await Ports.DmChannels.ForgetAsync("user-unknown");

        var channels = await (await ReopenAsync()).DmChannels.LoadAllAsync();
        Assert.Equal(new Dictionary<string, string> { ["user-1"] = "dm-3" }, channels);
    }

    [Fact]
    public async Task GuildSettings_OfAGuildThatSavedNone_AreTheStoresDefaults()
    {
        var settings = await Ports.GuildSettings.GetAsync("guild-1");

        Assert.Equal(GuildSettings.Default with { TimeZone = DefaultZone }, settings);
        Assert.Empty(await Ports.GuildSettings.ListAsync());
    }

    [Fact]
    public async Task GuildSettings_AreReplacedWhole_PerGuild_AndListedWhenSaved()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var full = new GuildSettings { TimeZone = berlin, StarterRoleId = "role-1", ReminderChannelId = "reminders", ForumChannelId = "forum", TemplateId = "team" };
        await Ports.GuildSettings.SaveAsync("guild-1", full);
        await Ports.GuildSettings.SaveAsync("guild-2", GuildSettings.Default with { ReminderChannelId = "r-2" });
        await Ports.GuildSettings.SaveAsync("guild-2", GuildSettings.Default with { StarterRoleId = "role-2" });

        var reopened = await ReopenAsync();
        var first = await reopened.GuildSettings.GetAsync("guild-1");
        Assert.Equal(
            (berlin.Id, "role-1", "reminders", "forum", "team"),
            (first.TimeZone.Id, first.StarterRoleId, first.ReminderChannelId, first.ForumChannelId, first.TemplateId));
        var second = await reopened.GuildSettings.GetAsync("guild-2");
        Assert.Equal((TimeZoneInfo.Utc.Id, "role-2", null), (second.TimeZone.Id, second.StarterRoleId, second.ReminderChannelId));
        var listed = await reopened.GuildSettings.ListAsync();
        Assert.Equal(["guild-1", "guild-2"], listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("forum", listed["guild-1"].ForumChannelId);
        Assert.Equal(DefaultZone, (await reopened.GuildSettings.GetAsync("guild-3")).TimeZone);
    }
}
