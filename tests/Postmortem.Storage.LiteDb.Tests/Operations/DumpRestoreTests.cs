using System.Globalization;
using System.Text.Json;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Sections;
using Postmortem.Storage.LiteDb.Operations;
using Postmortem.Storage.LiteDb.Tests.Support;
using Postmortem.Testing;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.LiteDb.Tests.Operations;

/// <summary>dump then restore into an empty store gives the same store, compared through every port.</summary>
public sealed class DumpRestoreTests : IDisposable
{
    private static readonly UserRef _felix = new("100000000000000001", "Felix");
    private static readonly UserRef _ana = new("100000000000000003", "Ana \"Ops\" Ünal");
    private static readonly DateTimeOffset _far = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 5, 10, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567));
    private readonly TestLiteDb _source = TestLiteDb.Create();
    private readonly TestLiteDb _target = TestLiteDb.Create();

    [Fact]
    public async Task DumpThenRestore_GivesAnIdenticalStore_ThroughThePorts()
    {
        await FillAsync(_source.Ports);
        var dump = new StringWriter();
        var lines = await LiteDbDump.WriteAsync(_source.Database, dump);

        var restored = await LiteDbDump.RestoreAsync(_target.Database, new StringReader(dump.ToString()));

        Assert.Equal(lines, restored);
        Assert.Equal(await FingerprintAsync(_source.Ports), await FingerprintAsync(_target.Ports));
        // Ids continue after the restored ones: never reused.
        var next = await new PostmortemService(_target.Ports.Postmortems, _clock).StartAsync("guild-1", "channel-1", "After the restore", _felix);
        Assert.Equal(4, next.Postmortem!.Id.Value);
    }

    [Fact]
    public async Task TheDump_IsOneJsonObjectPerLine_WithTheStateReadable()
    {
        await FillAsync(_source.Ports);
        var dump = new StringWriter();
        await LiteDbDump.WriteAsync(_source.Database, dump);

        var records = dump.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(records, r => Assert.True(r.TryGetProperty("collection", out _) && r.TryGetProperty("record", out _)));
        var state = records.First(r => r.GetProperty("collection").GetString() == "postmortem_states").GetProperty("state");
        Assert.Equal("Outage 0", state.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Restore_IntoAStoreWithData_RefusesAndWritesNothing()
    {
        await FillAsync(_source.Ports);
        var dump = new StringWriter();
        await LiteDbDump.WriteAsync(_source.Database, dump);
        await _target.Ports.DmChannels.SaveAsync("user-9", "dm-9", _clock.GetUtcNow());

        await Assert.ThrowsAsync<InvalidOperationException>(() => LiteDbDump.RestoreAsync(_target.Database, new StringReader(dump.ToString())));

        Assert.Empty(await _target.Ports.Postmortems.ListAsync("guild-1"));
    }

    [Fact]
    public async Task Restore_OfABrokenLine_RefusesAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() =>
            LiteDbDump.RestoreAsync(_target.Database, new StringReader("{\"collection\":\"dm_channels\",\"record\":{\"_id\":\"u\",\"channel\":\"c\"}}\n{not json\n")));

        Assert.StartsWith("line 2 ", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _target.Ports.DmChannels.LoadAllAsync());
    }

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    private async Task FillAsync(StoragePorts ports)
    {
        var service = new PostmortemService(ports.Postmortems, _clock);
        var ids = new List<PostmortemId>();
        for (var n = 0; n < 3; n++)
        {
            var id = (await service.StartAsync($"guild-{(n % 2) + 1}", "channel-1", $"Outage {n}", _felix)).Postmortem!.Id;
            ids.Add(id);
            await service.ExecuteAsync(id, new AttachThread($"thread-{n}"), _felix);
            await service.ExecuteAsync(id, new AnswerSection("summary", $"“Summary” {n} ✓"), _ana);
            await service.ExecuteAsync(id, new AskWhy(null, "Why?"), _felix);
            var lesson = (await service.ExecuteAsync(id, new AddLesson("A lesson", []), _felix)).Result.CreatedId!.Value;
            var action = (await service.ExecuteAsync(id, new AddCorrectiveAction(lesson, "An action"), _felix)).Result.CreatedId!.Value;
            await service.ExecuteAsync(id, new AddActionItem(action, "Owned", _ana, new DateOnly(2021, 6, 1 + n)), _felix);
            await service.ExecuteAsync(id, new AddActionItem(action, "Unowned", null, null), _felix);
            _clock.Advance(TimeSpan.FromMinutes(3));
        }

        await ports.ReminderSchedule.SyncDirtyAsync(
            d => d.Item is { Owner: { } owner, Due: { } due }
                ? new ReminderScheduleRow(d.Key, d.Item.GuildId, owner.Id, due, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(due.Day))
                : null,
            batchSize: 1000);
        await ports.ReminderSchedule.MarkDirtyAsync(new ReminderKey(ids[0], 99));
        var row = (await ports.ReminderSchedule.GetAsync(new ReminderKey(ids[1], 1)))!;
        await ports.ReminderSchedule.RecordDeliveryAsync(new ReminderDeliveryRecord(row.Key, row.NextAt!.Value, _clock.GetUtcNow(), DeliveryChannel.Dm, "dm-1", "m-1"), row, null);
        await ports.ReminderSettings.SaveRulesAsync("guild-1", ReminderSettings.Default with { LocalTime = new TimeOnly(10, 30), DaysBefore = [3, 0] }, _clock.GetUtcNow());
        await ports.ScheduledRuns.RecordAsync("digest:guild-1", _clock.GetUtcNow(), _clock.GetUtcNow());
        var meeting = await ports.ReviewMeetings.AddAsync(ids[0], "guild-1", new WeeklyTime(DayOfWeek.Tuesday, new TimeOnly(15, 0)), TimeSpan.FromMinutes(30), "100000000000000001", _clock.GetUtcNow());
        await ports.ReviewMeetings.AddAsync(ids[1], "guild-2", new WeeklyTime(DayOfWeek.Friday, new TimeOnly(9, 0)), TimeSpan.Zero, "100000000000000001", _clock.GetUtcNow());
        await ports.ReviewMeetings.EndAsync(meeting.Id, _clock.GetUtcNow());
        var draft = (await ports.Postmortems.GetAsync(ids[2]))!;
        await ports.StaleNudges.RecordStaleNudgeAsync(draft.Id, draft.UpdatedAt, _clock.GetUtcNow());
        await ports.DmChannels.SaveAsync("100000000000000003", "dm-1", _clock.GetUtcNow());
        await ports.ChatLinks.SetAsync(ids[0], "dashboard", new ChatLink("channel-1", "message-1"));
        await ports.GuildSettings.SaveAsync("guild-1", Core.Guilds.GuildSettings.Default with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), ReminderChannelId = "reminders" });
    }

    /// <summary>Everything the ports say about the stored data, as text.</summary>
    private static async Task<IReadOnlyList<string>> FingerprintAsync(StoragePorts ports)
    {
        var lines = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            var id = new PostmortemId(n);
            lines.Add(await ports.Postmortems.GetAsync(id) is { } p ? JsonSerializer.Serialize(p.ToState(), PostmortemJsonContext.Default.PostmortemState) : $"{n}: none");
            lines.AddRange((await ports.ReviewMeetings.ListActiveAsync(id)).Select(m => m.ToString()));
            lines.Add((await ports.ChatLinks.GetAsync(id, "dashboard"))?.ToString() ?? "no link");
            for (var item = 1; item <= 12; item++)
            {
                lines.AddRange((await ports.ReminderSchedule.ListDeliveriesAsync(new ReminderKey(id, item))).Select(d => d.ToString()));
            }
        }

        foreach (var guild in new[] { "guild-1", "guild-2" })
        {
            lines.AddRange((await ports.Postmortems.ListAsync(guild)).Select(s => s.ToString()));
            lines.AddRange((await ports.ActionItems.ListOpenAsync(guild)).Select(i => i.ToString()));
        }

        lines.AddRange((await ports.ActionItems.ListOpenWithDueAsync(pageSize: StorageLimits.MaxActionItemPage)).Items.Select(i => i.ToString()));
        lines.AddRange((await ports.ReminderSchedule.ListDueAsync(_far, limit: StorageLimits.MaxDuePage)).Select(r => r.ToString()));
        lines.Add($"schedule {await ports.ReminderSchedule.CountAsync()}, queued {await ports.ReminderSchedule.CountDirtyAsync()}, earliest {await ports.ReminderSchedule.EarliestNextAtAsync():O}");
        lines.AddRange((await ports.ReminderSettings.LoadAllAsync(ReminderSettings.Default)).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{s.Key}: {s.Value.LocalTime} [{string.Join(",", s.Value.DaysBefore)}] {s.Value.OverdueEveryDays} {s.Value.StaleAfterDays} {s.Value.DigestDay} {s.Value.DigestTime}"));
        lines.Add($"digest {await ports.ScheduledRuns.LatestSlotAsync("digest:guild-1"):O}");
        lines.AddRange((await ports.ReviewMeetings.ListActiveAsync()).Select(m => m.ToString()));
        lines.Add((await ports.ReviewMeetings.GetAsync(1))?.ToString() ?? "no meeting 1");
        lines.AddRange((await ports.StaleNudges.ListStaleDraftsAsync(_far)).Select(s => s.ToString()));
        lines.AddRange((await ports.DmChannels.LoadAllAsync()).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        var linked = await ports.ChatLinks.FindPostmortemAsync("dashboard", "channel-1");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"link {linked}"));
        lines.AddRange((await ports.GuildSettings.ListAsync()).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Value.TimeZone.Id} {g.Value.StarterRoleId} {g.Value.ReminderChannelId} {g.Value.ForumChannelId} {g.Value.TemplateId}"));
        return lines;
    }
}
