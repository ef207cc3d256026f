using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Models;

/// <summary>
/// A Discord id: 64 bits whose top 42 are milliseconds since the Discord epoch (2015-01-01).
/// Written to JSON as a string because JavaScript clients lose precision above 2^53; numbers are accepted too.
/// </summary>
[JsonConverter(typeof(SnowflakeConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>, ISpanFormattable, ISpanParsable<Snowflake>
{
    /// <summary>Unix milliseconds of the first second of 2015, the zero of every snowflake timestamp.</summary>
    public const long DiscordEpochMilliseconds = 1_420_070_400_000;

    /// <summary>When the entity behind this id was created.</summary>
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest snowflake created at <paramref name="instant"/>; handy for "messages after" queries.</summary>
    public static Snowflake FromTimestamp(DateTimeOffset instant)
    {
        var milliseconds = instant.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(instant));
        return new Snowflake((ulong)milliseconds << 22);
    }

    /// <summary>Parses decimal digits; throws <see cref="FormatException"/> otherwise.</summary>
    public static Snowflake Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result) ? result : throw new FormatException($"'{s}' is not a Discord snowflake.");
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out Snowflake result) => TryParse(s.AsSpan(), out result);

    public static bool TryParse(ReadOnlySpan<char> s, out Snowflake result)
    {
        var ok = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        result = new Snowflake(value);
        return ok;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    // Snowflakes are culture-invariant digits, so the provider-taking interface members stay explicit: callers
    // use the overloads above and the analyzers do not ask them for an IFormatProvider that changes nothing.
    static Snowflake IParsable<Snowflake>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static Snowflake ISpanParsable<Snowflake>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, out var result) ? result : throw new FormatException($"'{s}' is not a Discord snowflake.");

    static bool IParsable<Snowflake>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Snowflake result) =>
        TryParse(s, out result);

    static bool ISpanParsable<Snowflake>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Snowflake result) =>
        TryParse(s, out result);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public static bool operator <(Snowflake left, Snowflake right) => left.Value < right.Value;

    public static bool operator >(Snowflake left, Snowflake right) => left.Value > right.Value;

    public static bool operator <=(Snowflake left, Snowflake right) => left.Value <= right.Value;

    public static bool operator >=(Snowflake left, Snowflake right) => left.Value >= right.Value;
}
