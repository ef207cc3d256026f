using LiteDB;
using LiteDB.Engine;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.ActionItems;

/// <summary>
/// The action-item projection (<see cref="ActionItemProjection.RowsOf"/>) as documents of
/// <see cref="LiteDbSchema.ActionItems"/>, written inside the save's transaction together with the reminder change
/// queue entries (<see cref="ProjectionChanges.ReminderChanges"/>). Only differences from the replaced version are
/// written. <c>dueKey</c> (due day, postmortem, item; fixed width) is set only on open items with an owner and a
/// due date, so its index serves the reminders' keyset pages directly.
/// </summary>
internal static class ActionItemDocuments
{
    public static void Write(
        ILiteEngine engine,
        PostmortemId id,
        string guildId,
        DateTimeOffset updatedAt,
        IReadOnlyList<ProjectedActionItem> rows,
        IReadOnlyList<ProjectedActionItem>? previous)
    {
        if (rows.Count == 0 && previous is { Count: 0 })
        {
            return;
        }

        previous ??= Read(engine, id);
        var changes = ActionItemProjection.Compare(previous, rows);
        if (changes.Added.Count > 0)
        {
            engine.Insert(LiteDbSchema.ActionItems, changes.Added.Select(r => ToDocument(id, guildId, updatedAt, r)), BsonAutoId.Int64);
        }

        if (changes.Changed.Count > 0)
        {
            engine.Update(LiteDbSchema.ActionItems, changes.Changed.Select(r => ToDocument(id, guildId, updatedAt, r)));
        }

        if (changes.Removed.Count > 0)
        {
            engine.Delete(LiteDbSchema.ActionItems, changes.Removed.Select(itemId => new BsonValue(BsonValues.ItemKey(id.Value, itemId))));
        }

        foreach (var itemId in changes.ReminderChanges)
        {
            QueueReminder(engine, new ReminderKey(id, itemId));
        }
    }

    /// <summary>Adds an item to the reminder change queue (a no-op when it is queued already).</summary>
    public static void QueueReminder(ILiteEngine engine, ReminderKey key) =>
        engine.Upsert(LiteDbSchema.ReminderDirty, new BsonDocument
        {
            ["_id"] = BsonValues.ItemKey(key.PostmortemId.Value, key.ItemId),
            ["pm"] = key.PostmortemId.Value,
            ["item"] = key.ItemId,
        });

    public static List<ProjectedActionItem> Read(ILiteEngine engine, PostmortemId id) =>
        [.. engine.Find(LiteDbSchema.ActionItems, BsonExpression.Create("pm = @0", id.Value)).Select(ToRow)];

    public static ActionItemView? Find(ILiteEngine engine, ReminderKey key) =>
        engine.FindById(LiteDbSchema.ActionItems, BsonValues.ItemKey(key.PostmortemId.Value, key.ItemId)) is { } document ? ToView(document) : null;

    public static ProjectedActionItem ToRow(BsonDocument document) => new(
        document["item"].AsInt32,
        document["label"].AsString,
        document["text"].AsString,
        BsonValues.ToText(document["owner"]),
        BsonValues.ToText(document["ownerName"]),
        BsonValues.ToDate(document["due"]),
        Enum.Parse<ActionItemStatus>(document["status"].AsString));

    public static ActionItemView ToView(BsonDocument document) =>
        ToRow(document).ToView(new PostmortemId(document["pm"].AsInt64), document["guild"].AsString, BsonValues.ToInstant(document["updatedAt"]));

    /// <summary>The key of <c>dueKey</c> for an item due on <paramref name="due"/>.</summary>
    public static string DueKey(DateOnly due, long postmortemId, int itemId) => BsonValues.Fixed(due.DayNumber) + "/" + BsonValues.ItemKey(postmortemId, itemId);

    private static BsonDocument ToDocument(PostmortemId id, string guildId, DateTimeOffset updatedAt, ProjectedActionItem row) => new()
    {
        ["_id"] = BsonValues.ItemKey(id.Value, row.ItemId),
        ["pm"] = id.Value,
        ["item"] = row.ItemId,
        ["guild"] = guildId,
        ["label"] = row.Label,
        ["text"] = row.Text,
        ["owner"] = BsonValues.Text(row.OwnerId),
        ["ownerName"] = BsonValues.Text(row.OwnerName),
        ["due"] = BsonValues.Date(row.Due),
        ["status"] = row.Status.ToString(),
        ["updatedAt"] = BsonValues.Instant(updatedAt),
        ["dueKey"] = row is { Status: ActionItemStatus.Open, OwnerId: not null, Due: { } due }
            ? DueKey(due, id.Value, row.ItemId)
            : BsonValue.Null,
    };
}
