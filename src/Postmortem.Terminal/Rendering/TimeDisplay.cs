using System.Globalization;

namespace Postmortem.Terminal.Rendering;

/// <summary>Shows UTC instants as wall-clock times in the configured zone.</summary>
public sealed record TimeDisplay(TimeZoneInfo Zone)
{
    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time followed by the zone's id, for times shown on their own.</summary>
    public string FormatWithZone(DateTimeOffset instant) => $"{Format(instant)} {Zone.Id}";
}
