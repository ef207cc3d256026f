using LiteDB;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Reminders;

/// <summary>
/// Schedule rows and delivery records as documents. A row's <c>nextKey</c> (NextAt ticks, postmortem, item; fixed
/// width) is null when nothing is scheduled, so its index serves "due now" pages and the earliest NextAt directly.
/// </summary>
internal static class ReminderDocuments
{
    public static string NextKey(DateTimeOffset nextAt, ReminderKey key) => BsonValues.Fixed(nextAt.UtcTicks) + "/" + Id(key);

    public static string Id(ReminderKey key) => BsonValues.ItemKey(key.PostmortemId.Value, key.ItemId);

    public static BsonDocument ToDocument(ReminderScheduleRow row) => new()
    {
        ["_id"] = Id(row.Key),
        ["pm"] = row.Key.PostmortemId.Value,
        ["item"] = row.Key.ItemId,
        ["guild"] = row.GuildId,
        ["owner"] = row.OwnerId,
        ["due"] = BsonValues.Date(row.Due),
        ["since"] = BsonValues.Instant(row.Since),
        ["next"] = BsonValues.Instant(row.NextAt),
        ["nextKey"] = row.NextAt is { } next ? NextKey(next, row.Key) : BsonValue.Null,
        ["lastSlot"] = BsonValues.Instant(row.LastSlotSent),
        ["snoozed"] = BsonValues.Instant(row.SnoozedUntil),
        ["attempts"] = row.Attempts,
        ["lastError"] = BsonValues.Text(row.LastError),
    };

    public static ReminderScheduleRow ToRow(BsonDocument document) => new(
        new ReminderKey(new PostmortemId(document["pm"].AsInt64), document["item"].AsInt32),
        document["guild"].AsString,
        document["owner"].AsString,
        BsonValues.ToDate(document["due"])!.Value,
        BsonValues.ToInstant(document["since"]),
        BsonValues.ToNullableInstant(document["next"]),
        BsonValues.ToNullableInstant(document["lastSlot"]),
        BsonValues.ToNullableInstant(document["snoozed"]),
        document["attempts"].AsInt32,
        BsonValues.ToText(document["lastError"]));

    public static string DeliveryId(ReminderKey key, DateTimeOffset slot) => Id(key) + "/" + BsonValues.Fixed(slot.UtcTicks);

    public static BsonDocument ToDocument(ReminderDeliveryRecord delivery) => new()
    {
        ["_id"] = DeliveryId(delivery.Key, delivery.Slot),
        ["pm"] = delivery.Key.PostmortemId.Value,
        ["item"] = delivery.Key.ItemId,
        ["slot"] = BsonValues.Instant(delivery.Slot),
        ["sentAt"] = BsonValues.Instant(delivery.SentAt),
        ["channel"] = delivery.Channel.ToString(),
        ["channelId"] = BsonValues.Text(delivery.ChannelId),
        ["messageId"] = BsonValues.Text(delivery.MessageId),
        ["error"] = BsonValues.Text(delivery.Error),
    };

    public static ReminderDeliveryRecord ToDelivery(BsonDocument document) => new(
        new ReminderKey(new PostmortemId(document["pm"].AsInt64), document["item"].AsInt32),
        BsonValues.ToInstant(document["slot"]),
        BsonValues.ToInstant(document["sentAt"]),
        Enum.Parse<DeliveryChannel>(document["channel"].AsString),
        BsonValues.ToText(document["channelId"]),
        BsonValues.ToText(document["messageId"]),
        BsonValues.ToText(document["error"]));
}
