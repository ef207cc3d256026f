namespace Postmortem.Bot.Engine;

/// <summary>Settings of the "Postmortem" configuration section: which template, which time zone, which limits.</summary>
public sealed class PostmortemOptions
{
    public const string SectionName = "Postmortem";

    /// <summary>
    /// The template file. Relative paths are looked up next to the application first (the build copies
    /// config/** there), then in the current directory.
    /// </summary>
    public string TemplatePath { get; set; } = "config/templates/rust-compiler-2021.json";

    /// <summary>Action items due later than this many days after the postmortem started are flagged.</summary>
    public int MaxActionItemHorizonDays { get; set; } = 90;

    /// <summary>The IANA time zone (e.g. Europe/Berlin) times are shown and typed in.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The configured zone; call only after validation.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
}
