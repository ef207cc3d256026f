using System.Globalization;
using Microsoft.Data.Sqlite;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Database;

namespace Postmortem.Storage.Reminders;

/// <summary>
/// The reminder schedule (<c>reminder_schedule</c>), its delivery log (<c>reminder_deliveries</c>) and the queue of
/// items to recompute (<c>reminder_dirty</c>, filled by triggers on <c>action_items</c> in the save's own transaction).
/// Each method is one transaction, so a sync batch and a save never interleave.
/// </summary>
public sealed class SqliteReminderScheduleStore(SqliteDatabase database) : IReminderScheduleStore
{
    private const string RowColumns =
        "s.postmortem_id, s.item_id, s.guild_id, s.owner_id, s.due, s.since, s.next_at, s.last_slot_sent, s.snoozed_until, s.attempts, s.last_error";

    internal const string DirtySql = $"""
        SELECT d.postmortem_id, d.item_id, {SqliteActionItemQueries.Columns}, {RowColumns}
        FROM reminder_dirty d
        LEFT JOIN action_items a ON a.postmortem_id = d.postmortem_id AND a.item_id = d.item_id
        LEFT JOIN reminder_schedule s ON s.postmortem_id = d.postmortem_id AND s.item_id = d.item_id
        ORDER BY d.postmortem_id, d.item_id
        LIMIT $limit;
        """;

    internal const string UpsertSql = """
        INSERT INTO reminder_schedule
            (postmortem_id, item_id, guild_id, owner_id, due, since, next_at, last_slot_sent, snoozed_until, attempts, last_error)
        VALUES
            ($postmortem_id, $item_id, $guild_id, $owner_id, $due, $since, $next_at, $last_slot_sent, $snoozed_until, $attempts, $last_error)
        ON CONFLICT (postmortem_id, item_id) DO UPDATE SET
            guild_id = excluded.guild_id,
            owner_id = excluded.owner_id,
            due = excluded.due,
            since = excluded.since,
            next_at = excluded.next_at,
            last_slot_sent = excluded.last_slot_sent,
            snoozed_until = excluded.snoozed_until,
            attempts = excluded.attempts,
            last_error = excluded.last_error;
        """;

    internal const string DeleteRowSql = "DELETE FROM reminder_schedule WHERE postmortem_id = $postmortem_id AND item_id = $item_id;";

    internal const string DeleteDirtySql = "DELETE FROM reminder_dirty WHERE postmortem_id = $postmortem_id AND item_id = $item_id;";

    internal const string MarkDirtySql = """
        INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id) VALUES ($postmortem_id, $item_id);
        """;

    internal const string MarkGuildDirtySql = """
        INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id)
            SELECT postmortem_id, item_id FROM reminder_schedule WHERE guild_id = $guild_id;
        """;

    internal const string DueFirstPageSql = $"""
        SELECT {RowColumns} FROM reminder_schedule s
        WHERE s.next_at IS NOT NULL AND s.next_at <= $now
        ORDER BY s.next_at, s.postmortem_id, s.item_id
        LIMIT $limit;
        """;

    internal const string DueNextPageSql = $"""
        SELECT {RowColumns} FROM reminder_schedule s
        WHERE s.next_at IS NOT NULL AND s.next_at <= $now
            AND (s.next_at, s.postmortem_id, s.item_id) > ($after_at, $after_postmortem_id, $after_item_id)
        ORDER BY s.next_at, s.postmortem_id, s.item_id
        LIMIT $limit;
        """;

    internal const string EarliestAfterSql = """
        SELECT min(next_at) FROM reminder_schedule WHERE next_at IS NOT NULL AND next_at > $after;
        """;

    internal const string EarliestSql = "SELECT min(next_at) FROM reminder_schedule WHERE next_at IS NOT NULL;";

    internal const string GetSql = $"""
        SELECT {RowColumns} FROM reminder_schedule s WHERE s.postmortem_id = $postmortem_id AND s.item_id = $item_id;
        """;

    internal const string InsertDeliverySql = """
        INSERT INTO reminder_deliveries (postmortem_id, item_id, slot, sent_at, channel, channel_id, message_id, error)
        VALUES ($postmortem_id, $item_id, $slot, $sent_at, $channel, $channel_id, $message_id, $error)
        ON CONFLICT (postmortem_id, item_id, slot) DO NOTHING;
        """;

    // A snooze written while the reminder was in flight keeps the next_at it set.
    internal const string AdvanceSql = """
        UPDATE reminder_schedule
        SET last_slot_sent = $slot,
            attempts = 0,
            last_error = NULL,
            next_at = CASE WHEN snoozed_until IS $snoozed_until THEN $next_at ELSE next_at END
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id AND owner_id = $owner_id AND due = $due;
        """;

    internal const string RetrySql = """
        UPDATE reminder_schedule
        SET attempts = $attempts, next_at = $next_at, last_error = $error
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id AND owner_id = $owner_id AND due = $due;
        """;

    internal const string SetNextAtSql = """
        UPDATE reminder_schedule SET next_at = $next_at
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id AND owner_id = $owner_id AND due = $due;
        """;

    internal const string SnoozeSql = """
        UPDATE reminder_schedule SET snoozed_until = $snoozed_until, next_at = $next_at
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id;
        """;

    internal const string HasDeliverySql = """
        SELECT count(*) FROM reminder_deliveries WHERE postmortem_id = $postmortem_id AND item_id = $item_id AND slot = $slot;
        """;

    internal const string DeliveriesSql = """
        SELECT postmortem_id, item_id, slot, sent_at, channel, channel_id, message_id, error FROM reminder_deliveries
        WHERE postmortem_id = $postmortem_id AND item_id = $item_id
        ORDER BY slot;
        """;

    internal const string CountSql = "SELECT count(*) FROM reminder_schedule;";

    internal const string DirtyCountSql = "SELECT count(*) FROM reminder_dirty;";

    /// <summary>
    /// Recomputes up to <paramref name="batchSize"/> queued items in one write transaction: <paramref name="decide"/>
    /// returns the row to keep (or null to remove it). A save cannot slip between the read and the write.
    /// </summary>
    public Task<ReminderSyncBatch> SyncDirtyAsync(
        Func<DirtyReminder, ReminderScheduleRow?> decide,
        int batchSize = 500,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var transaction = connection.BeginTransaction();
                var dirty = new List<DirtyReminder>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = DirtySql;
                    select.Parameters.AddWithValue("$limit", batchSize);
                    await using var reader = await select.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        var key = new ReminderKey(new PostmortemId(reader.GetInt64(0)), reader.GetInt32(1));
                        var item = reader.IsDBNull(2) ? null : SqliteActionItemQueries.ReadItem(reader, 2);
                        var existing = reader.IsDBNull(12) ? null : ReadRow(reader, 12);
                        dirty.Add(new DirtyReminder(key, item, existing));
                    }
                }

                DateTimeOffset? earliest = null;
                await using var upsert = connection.CreateCommand();
                upsert.CommandText = UpsertSql;
                await using var delete = connection.CreateCommand();
                delete.CommandText = DeleteRowSql;
                await using var clean = connection.CreateCommand();
                clean.CommandText = DeleteDirtySql;
                foreach (var entry in dirty)
                {
                    var row = decide(entry);
                    if (row is null)
                    {
                        SetKey(delete, entry.Key);
                        await delete.ExecuteNonQueryAsync(ct);
                    }
                    else
                    {
                        if (row.Key != entry.Key)
                        {
                            throw new InvalidOperationException($"The decision for {entry.Key} returned a row for {row.Key}.");
                        }

                        BindRow(upsert, row);
                        await upsert.ExecuteNonQueryAsync(ct);
                        if (row.NextAt is { } next && (earliest is null || next < earliest))
                        {
                            earliest = next;
                        }
                    }

                    SetKey(clean, entry.Key);
                    await clean.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                return new ReminderSyncBatch(dirty.Count, earliest);
            },
            cancellationToken);
    }

    /// <summary>Queues every scheduled item of a guild for recomputation (its settings changed).</summary>
    public Task MarkGuildDirtyAsync(string guildId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        return ExecuteAsync(MarkGuildDirtySql, c => c.Parameters.AddWithValue("$guild_id", guildId), cancellationToken);
    }

    /// <summary>Queues one item for recomputation.</summary>
    public Task MarkDirtyAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        ExecuteAsync(MarkDirtySql, c => AddKey(c, key), cancellationToken);

    /// <summary>
    /// Rows whose next_at is at or before <paramref name="now"/>, earliest first, as keyset pages: pass the last
    /// row of the previous page as <paramref name="after"/>.
    /// </summary>
    public Task<IReadOnlyList<ReminderScheduleRow>> ListDueAsync(
        DateTimeOffset now,
        ReminderScheduleRow? after = null,
        int limit = 500,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, StorageLimits.MaxDuePage);
        return QueryAsync(
            after is null ? DueFirstPageSql : DueNextPageSql,
            command =>
            {
                command.Parameters.AddWithValue("$now", SqliteValues.Instant(now));
                command.Parameters.AddWithValue("$limit", limit);
                if (after is not null)
                {
                    command.Parameters.AddWithValue("$after_at", SqliteValues.Instant(after.NextAt ?? now));
                    command.Parameters.AddWithValue("$after_postmortem_id", after.Key.PostmortemId.Value);
                    command.Parameters.AddWithValue("$after_item_id", after.Key.ItemId);
                }
            },
            cancellationToken);
    }

    /// <summary>The earliest next_at of all rows (null when nothing is scheduled).</summary>
    public Task<DateTimeOffset?> EarliestNextAtAsync(CancellationToken cancellationToken = default) =>
        ScalarInstantAsync(EarliestSql, _ => { }, cancellationToken);

    /// <summary>The earliest next_at strictly after <paramref name="after"/>.</summary>
    public Task<DateTimeOffset?> EarliestNextAtAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        ScalarInstantAsync(EarliestAfterSql, c => c.Parameters.AddWithValue("$after", SqliteValues.Instant(after)), cancellationToken);

    public async Task<ReminderScheduleRow?> GetAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        (await QueryAsync(GetSql, c => AddKey(c, key), cancellationToken)) is [var row] ? row : null;

    /// <summary>
    /// Records a delivery and advances the row in one transaction: <c>last_slot_sent</c> becomes the slot and
    /// <c>next_at</c> <paramref name="nextAt"/> (unless a snooze changed the row meanwhile, whose next_at stands).
    /// Nothing is advanced when the row now belongs to another owner or due date.
    /// </summary>
    public Task RecordDeliveryAsync(
        ReminderDeliveryRecord delivery,
        ReminderScheduleRow read,
        DateTimeOffset? nextAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(read);
        return database.RunAsync(
            async (connection, ct) =>
            {
                await using var transaction = connection.BeginTransaction();
                await using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = InsertDeliverySql;
                    AddKey(insert, delivery.Key);
                    insert.Parameters.AddWithValue("$slot", SqliteValues.Instant(delivery.Slot));
                    insert.Parameters.AddWithValue("$sent_at", SqliteValues.Instant(delivery.SentAt));
                    insert.Parameters.AddWithValue("$channel", ChannelText(delivery.Channel));
                    insert.Parameters.AddWithValue("$channel_id", (object?)delivery.ChannelId ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$message_id", (object?)delivery.MessageId ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$error", (object?)delivery.Error ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync(ct);
                }

                await using (var advance = connection.CreateCommand())
                {
                    advance.CommandText = AdvanceSql;
                    AddIdentity(advance, read);
                    advance.Parameters.AddWithValue("$slot", SqliteValues.Instant(delivery.Slot));
                    advance.Parameters.AddWithValue("$next_at", Instant(nextAt));
                    advance.Parameters.AddWithValue("$snoozed_until", Instant(read.SnoozedUntil));
                    await advance.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
            },
            cancellationToken);
    }

    /// <summary>A send failed for now: count the attempt and try again at <paramref name="retryAt"/>.</summary>
    public Task RecordRetryAsync(
        ReminderScheduleRow read,
        int attempts,
        DateTimeOffset retryAt,
        string error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return ExecuteAsync(
            RetrySql,
            command =>
            {
                AddIdentity(command, read);
                command.Parameters.AddWithValue("$attempts", attempts);
                command.Parameters.AddWithValue("$next_at", SqliteValues.Instant(retryAt));
                command.Parameters.AddWithValue("$error", error);
            },
            cancellationToken);
    }

    /// <summary>Corrects a row's next_at (e.g. it was due but no slot was, after a snooze).</summary>
    public Task SetNextAtAsync(ReminderScheduleRow read, DateTimeOffset? nextAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return ExecuteAsync(
            SetNextAtSql,
            command =>
            {
                AddIdentity(command, read);
                command.Parameters.AddWithValue("$next_at", Instant(nextAt));
            },
            cancellationToken);
    }

    /// <summary>Snoozes an item; false when it has no schedule (closed, or no owner or due date).</summary>
    public Task<bool> SnoozeAsync(ReminderKey key, DateTimeOffset until, DateTimeOffset? nextAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SnoozeSql;
                AddKey(command, key);
                command.Parameters.AddWithValue("$snoozed_until", SqliteValues.Instant(until));
                command.Parameters.AddWithValue("$next_at", Instant(nextAt));
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    public Task<bool> HasDeliveryAsync(ReminderKey key, DateTimeOffset slot, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = HasDeliverySql;
                AddKey(command, key);
                command.Parameters.AddWithValue("$slot", SqliteValues.Instant(slot));
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
            },
            cancellationToken);

    /// <summary>The delivery log of one item, oldest slot first.</summary>
    public Task<IReadOnlyList<ReminderDeliveryRecord>> ListDeliveriesAsync(ReminderKey key, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ReminderDeliveryRecord>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = DeliveriesSql;
                AddKey(command, key);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var records = new List<ReminderDeliveryRecord>();
                while (await reader.ReadAsync(ct))
                {
                    records.Add(new ReminderDeliveryRecord(
                        new ReminderKey(new PostmortemId(reader.GetInt64(0)), reader.GetInt32(1)),
                        SqliteValues.ParseInstant(reader.GetString(2)),
                        SqliteValues.ParseInstant(reader.GetString(3)),
                        ParseChannel(reader.GetString(4)),
                        reader.IsDBNull(5) ? null : reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        reader.IsDBNull(7) ? null : reader.GetString(7)));
                }

                return records;
            },
            cancellationToken);

    /// <summary>How many items have a schedule row.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => CountAsync(CountSql, cancellationToken);

    /// <summary>How many items wait for recomputation.</summary>
    public Task<long> CountDirtyAsync(CancellationToken cancellationToken = default) => CountAsync(DirtyCountSql, cancellationToken);

    private Task<long> CountAsync(string sql, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            },
            cancellationToken);

    private Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    private Task<DateTimeOffset?> ScalarInstantAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                return await command.ExecuteScalarAsync(ct) is string text ? SqliteValues.ParseInstant(text) : (DateTimeOffset?)null;
            },
            cancellationToken);

    private Task<IReadOnlyList<ReminderScheduleRow>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ReminderScheduleRow>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = new List<ReminderScheduleRow>();
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(ReadRow(reader, 0));
                }

                return rows;
            },
            cancellationToken);

    private static ReminderScheduleRow ReadRow(SqliteDataReader reader, int at) => new(
        new ReminderKey(new PostmortemId(reader.GetInt64(at)), reader.GetInt32(at + 1)),
        reader.GetString(at + 2),
        reader.GetString(at + 3),
        SqliteValues.ParseDate(reader.GetString(at + 4)),
        SqliteValues.ParseInstant(reader.GetString(at + 5)),
        OptionalInstant(reader, at + 6),
        OptionalInstant(reader, at + 7),
        OptionalInstant(reader, at + 8),
        reader.GetInt32(at + 9),
        reader.IsDBNull(at + 10) ? null : reader.GetString(at + 10));

    private static DateTimeOffset? OptionalInstant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteValues.ParseInstant(reader.GetString(ordinal));

    private static object Instant(DateTimeOffset? value) => value is { } v ? SqliteValues.Instant(v) : DBNull.Value;

    private static void BindRow(SqliteCommand command, ReminderScheduleRow row)
    {
        SetKey(command, row.Key);
        Set(command, "$guild_id", row.GuildId);
        Set(command, "$owner_id", row.OwnerId);
        Set(command, "$due", SqliteValues.Date(row.Due));
        Set(command, "$since", SqliteValues.Instant(row.Since));
        Set(command, "$next_at", Instant(row.NextAt));
        Set(command, "$last_slot_sent", Instant(row.LastSlotSent));
        Set(command, "$snoozed_until", Instant(row.SnoozedUntil));
        Set(command, "$attempts", row.Attempts);
        Set(command, "$last_error", (object?)row.LastError ?? DBNull.Value);
    }

    private static void AddKey(SqliteCommand command, ReminderKey key)
    {
        command.Parameters.AddWithValue("$postmortem_id", key.PostmortemId.Value);
        command.Parameters.AddWithValue("$item_id", key.ItemId);
    }

    private static void AddIdentity(SqliteCommand command, ReminderScheduleRow row)
    {
        AddKey(command, row.Key);
        command.Parameters.AddWithValue("$owner_id", row.OwnerId);
        command.Parameters.AddWithValue("$due", SqliteValues.Date(row.Due));
    }

    // Reused commands: set a parameter whether or not an earlier iteration added it.
    private static void SetKey(SqliteCommand command, ReminderKey key)
    {
        Set(command, "$postmortem_id", key.PostmortemId.Value);
        Set(command, "$item_id", key.ItemId);
    }

    private static void Set(SqliteCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    internal static string ChannelText(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Dm => "dm",
        DeliveryChannel.Thread => "thread",
        _ => "failed",
    };

    private static DeliveryChannel ParseChannel(string text) => text switch
    {
        "dm" => DeliveryChannel.Dm,
        "thread" => DeliveryChannel.Thread,
        _ => DeliveryChannel.Failed,
    };
}
