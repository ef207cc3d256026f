using System.Globalization;

namespace Postmortem.Storage.Database;

/// <summary>
/// How values are written to columns: instants as fixed-width ISO-8601 UTC text (text order = time order,
/// readable in the sqlite3 shell, exact to the tick) and dates as ISO dates.
/// </summary>
public static class SqliteValues
{
    private const string InstantFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";
    private const string DateFormat = "yyyy'-'MM'-'dd";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
}
