using System.Globalization;
using LiteDB;

namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// How values are stored: instants as UTC ticks (Int64, exact to the tick, ordered), dates as day numbers, absent
/// values as BSON null; and the fixed-width text keys whose ordinal order is the order the ports promise.
/// </summary>
internal static class BsonValues
{
    public static BsonValue Instant(DateTimeOffset value) => new BsonValue(value.UtcTicks);

    public static BsonValue Instant(DateTimeOffset? value) => value is { } instant ? Instant(instant) : BsonValue.Null;

    public static DateTimeOffset ToInstant(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    public static DateTimeOffset? ToNullableInstant(BsonValue value) => value.IsNull ? null : ToInstant(value);

    public static BsonValue Date(DateOnly? value) => value is { } date ? new BsonValue(date.DayNumber) : BsonValue.Null;

    public static DateOnly? ToDate(BsonValue value) => value.IsNull ? null : DateOnly.FromDayNumber(value.AsInt32);

    public static BsonValue Text(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    public static string? ToText(BsonValue value) => value.IsNull ? null : value.AsString;

    /// <summary>A number as 19 digits, so that text order is number order (for non-negative values).</summary>
    public static string Fixed(long value) => value.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>An item's key: postmortem id then item id, both fixed width.</summary>
    public static string ItemKey(long postmortemId, int itemId) =>
        Fixed(postmortemId) + "/" + itemId.ToString("D10", CultureInfo.InvariantCulture);
}
