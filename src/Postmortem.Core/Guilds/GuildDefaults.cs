namespace Postmortem.Core.Guilds;

/// <summary>
/// What guilds that never ran <c>/postmortem config</c> get, as the host configured it (one setting,
/// <c>Postmortem:DefaultTimeZone</c>, shared by the Discord front end, the reminders and the terminal).
/// </summary>
public sealed record GuildDefaults(TimeZoneInfo TimeZone)
{
    /// <summary>For hosts and tests that configure nothing.</summary>
    public static GuildDefaults Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The settings of a guild without its own.</summary>
    public GuildSettings Settings => GuildSettings.Default with { TimeZone = TimeZone };
}
