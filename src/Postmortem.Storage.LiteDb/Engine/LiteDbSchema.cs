using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// The collections, their secondary indexes and the engine settings every database file gets. Ids that are
/// compared as ranges are strings of fixed-width numbers, so their ordinal order is the numeric order; the
/// collation is pinned to ordinal (it is fixed when the file is created, and a culture's order would change key
/// order between machines).
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>The layout version written in <see cref="Meta"/>; a file with a higher one was written by a newer build.</summary>
    public const int Version = 1;

    public const string Postmortems = "postmortems";
    public const string PostmortemStates = "postmortem_states";
    public const string ActionItems = "action_items";
    public const string ReminderSchedule = "reminder_schedule";
    public const string ReminderDirty = "reminder_dirty";
    public const string ReminderDeliveries = "reminder_deliveries";
    public const string ReminderSettings = "reminder_settings";
    public const string ScheduledRuns = "scheduled_runs";
    public const string ReviewMeetings = "review_meetings";
    public const string StaleNudges = "stale_nudges";
    public const string DmChannels = "dm_channels";
    public const string ChatLinks = "chat_links";
    public const string GuildSettings = "guild_settings";
    public const string Meta = "meta";

    /// <summary>Every collection the adapter writes, in dump order.</summary>
    public static readonly IReadOnlyList<string> Collections =
    [
        Meta, GuildSettings, ReminderSettings, Postmortems, PostmortemStates, ActionItems, ReminderSchedule,
        ReminderDirty, ReminderDeliveries, ScheduledRuns, ReviewMeetings, StaleNudges, DmChannels, ChatLinks,
    ];

    /// <summary>Invariant culture, ordinal comparison.</summary>
    public static Collation Collation { get; } = new(127, CompareOptions.Ordinal);

    private static readonly (string Collection, string Field)[] _indexes =
    [
        (Postmortems, "guild"),
        (Postmortems, "thread"),
        (Postmortems, "status"),
        (ActionItems, "pm"),
        (ActionItems, "guild"),
        (ActionItems, "dueKey"),
        (ReminderSchedule, "guild"),
        (ReminderSchedule, "nextKey"),
        (ScheduledRuns, "job"),
        (ReviewMeetings, "pm"),
        (ChatLinks, "channel"),
    ];

    /// <summary>
    /// Turns LiteDB's automatic checkpoint off (it is skipped while a transaction is open, #1775; the host
    /// checkpoints on a timer instead), checks the layout version, creates missing indexes and checkpoints what
    /// a previous run left in the log. Never rebuilds (#2827).
    /// </summary>
    public static void Prepare(LiteEngine engine)
    {
        if (engine.Pragma("CHECKPOINT").AsInt32 != 0)
        {
            engine.Pragma("CHECKPOINT", 0);
        }

        var meta = engine.Query(Meta, new Query { Where = { BsonExpression.Create("_id = 'schema'") } }).ToList().FirstOrDefault();
        if (meta is null)
        {
            engine.Insert(Meta, [new BsonDocument { ["_id"] = "schema", ["version"] = Version }], BsonAutoId.Int64);
        }
        else if (meta["version"].AsInt32 > Version)
        {
            throw new LiteException(0, $"the file was written by a newer build (layout {meta["version"].AsInt32}, this build reads up to {Version})");
        }

        foreach (var (collection, field) in _indexes)
        {
            engine.EnsureIndex(collection, field, BsonExpression.Create("$." + field), unique: false);
        }

        engine.Checkpoint();
    }

    /// <summary>The next value of a named counter in <see cref="Meta"/> (1, 2, ...), inside the caller's transaction.</summary>
    public static long NextId(ILiteEngine engine, string counter)
    {
        var key = "seq:" + counter;
        var current = engine.Query(Meta, new Query { Where = { BsonExpression.Create("_id = @0", key) } }).ToList().FirstOrDefault();
        var next = (current?["last"].AsInt64 ?? 0) + 1;
        engine.Upsert(Meta, [new BsonDocument { ["_id"] = key, ["last"] = next }], BsonAutoId.Int64);
        return next;
    }
}
