using System.Text.Json;
using Postmortem.Core.Actions;
using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>
/// One in-memory database behind every Core storage port, for tests that need real storage semantics without a
/// file: optimistic concurrency, the action-item projection and the reminder change queue written with each save,
/// idempotent logs. One lock makes every port call one transaction. Postmortems are kept as their JSON, as the
/// adapters keep them, so a test cannot pass on state a real store would lose. Instants come back in UTC.
/// </summary>
public sealed class InMemoryStorage
{
    private readonly Lock _gate = new();
    private readonly GuildDefaults _guildDefaults;

    public InMemoryStorage(GuildDefaults? guildDefaults = null)
    {
        _guildDefaults = guildDefaults ?? GuildDefaults.Utc;
        Ports = Connect();
    }

    /// <summary>The ports over this database.</summary>
    public StoragePorts Ports { get; }

    internal Dictionary<long, StoredPostmortem> Postmortems { get; } = [];

    internal long LastPostmortemId { get; set; }

    internal SortedSet<ReminderKey> Dirty { get; } = new(ReminderKeyOrder.Instance);

    internal Dictionary<ReminderKey, ReminderScheduleRow> Schedule { get; } = [];

    internal Dictionary<(ReminderKey Key, long SlotTicks), ReminderDeliveryRecord> Deliveries { get; } = [];

    internal Dictionary<string, ReminderSettings> ReminderRules { get; } = new(StringComparer.Ordinal);

    internal Dictionary<(string JobKey, long SlotTicks), DateTimeOffset> Runs { get; } = [];

    internal Dictionary<long, ReviewMeeting> Meetings { get; } = [];

    internal long LastMeetingId { get; set; }

    internal HashSet<(long PostmortemId, long ActivityTicks)> Nudges { get; } = [];

    internal Dictionary<string, string> DmChannels { get; } = new(StringComparer.Ordinal);

    internal Dictionary<(long PostmortemId, string Kind), ChatLink> ChatLinks { get; } = [];

    internal Dictionary<string, GuildSettings> GuildSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>New port objects over the same data, as after a restart of the process that uses them.</summary>
    public StoragePorts Connect() => new(
        new InMemoryPostmortemRepository(this),
        new InMemoryActionItemQueries(this),
        new InMemoryReminderScheduleStore(this),
        new InMemoryReminderSettingsStore(this),
        new InMemoryScheduledRunStore(this),
        new InMemoryReviewMeetingStore(this),
        new InMemoryStaleNudgeStore(this),
        new InMemoryDmChannelStore(this),
        new InMemoryChatLinkStore(this),
        new InMemoryGuildSettingsStore(this, _guildDefaults));

    /// <summary>Runs <paramref name="work"/> as one transaction; an exception leaves nothing of it behind only if the work checks before it writes.</summary>
    internal Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(work());
        }
    }

    internal Task RunAsync(Action work, CancellationToken cancellationToken) =>
        RunAsync(
            () =>
            {
                work();
                return true;
            },
            cancellationToken);

    internal static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    internal static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    internal static TimeOnly ToMinute(TimeOnly time) => new(time.Hour, time.Minute);

    /// <summary>One stored postmortem: its JSON, the columns lists need, and its projection with each row's last change.</summary>
    internal sealed record StoredPostmortem(
        byte[] Json,
        PostmortemState State,
        IReadOnlyList<ProjectedActionItem> Rows,
        IReadOnlyDictionary<int, DateTimeOffset> RowUpdatedAt)
    {
        public static StoredPostmortem Of(PostmortemState state, IReadOnlyList<ProjectedActionItem> rows, IReadOnlyDictionary<int, DateTimeOffset> rowUpdatedAt)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(state, PostmortemJsonContext.Default.PostmortemState);
            return new StoredPostmortem(json, state, rows, rowUpdatedAt);
        }

        public long Version => State.Version;

        public Postmortem.Core.Postmortem Load() =>
            Postmortem.Core.Postmortem.FromState(JsonSerializer.Deserialize(Json, PostmortemJsonContext.Default.PostmortemState)!);

        public IEnumerable<ActionItemView> Views => Rows.Select(r => r.ToView(State.Id, State.GuildId, RowUpdatedAt[r.ItemId]));
    }

    private sealed class ReminderKeyOrder : IComparer<ReminderKey>
    {
        public static readonly ReminderKeyOrder Instance = new();

        public int Compare(ReminderKey x, ReminderKey y) =>
            x.PostmortemId.Value != y.PostmortemId.Value ? x.PostmortemId.Value.CompareTo(y.PostmortemId.Value) : x.ItemId.CompareTo(y.ItemId);
    }
}
