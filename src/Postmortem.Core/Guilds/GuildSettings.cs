namespace Postmortem.Core.Guilds;

/// <summary>
/// One community's (a Discord guild's) choices for its postmortems. Guilds that never configured anything use
/// <see cref="GuildDefaults.Settings"/>: <see cref="Default"/> (UTC, anyone may start and finalize, no reminder
/// channel, threads rather than a forum, the deployment's default template) in the deployment's time zone.
/// </summary>
public sealed record GuildSettings
{
    public static GuildSettings Default { get; } = new();

    /// <summary>The zone times are typed and shown in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The role whose members may start and finalize postmortems; null means everyone.</summary>
    public string? StarterRoleId { get; init; }

    /// <summary>Where reminders and digests go by default (a channel id); null means none.</summary>
    public string? ReminderChannelId { get; init; }

    /// <summary>When set, each postmortem becomes a post in this forum channel instead of a thread.</summary>
    public string? ForumChannelId { get; init; }

    /// <summary>The template new postmortems follow; null means the deployment's default.</summary>
    public string? TemplateId { get; init; }
}
