using Postmortem.Core.Reminders;

namespace Postmortem.Reminders;

/// <summary>
/// Settings of the "Reminders" configuration section: the reminder rules of guilds that configured none, and how
/// the delivery machinery runs. Their time zone is the deployment's (<c>Postmortem:DefaultTimeZone</c>, given to
/// this project as <see cref="Core.Guilds.GuildDefaults"/>).
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Turns every reminder job off (the schedule is still kept in sync).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time reminders go out at, "HH:mm".</summary>
    public string LocalTime { get; set; } = "09:00";

    public IList<int> DaysBefore { get; } = [];

    public int OverdueEveryDays { get; set; } = 7;

    public int StaleAfterDays { get; set; } = 14;

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public string DigestTime { get; set; } = "09:00";

    /// <summary>Concurrent deliveries. Discord's 50 requests/s global limit is what really paces them.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Reminders waiting for a worker; the due scan waits when the queue is full.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How often changed action items are folded into the schedule (the due scan does it too).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows read per page by the due scan.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The first retry delay after a failed send; it quadruples per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed sends in a row the slot is recorded as failed and the item moves on.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Quartz cron expression (UTC) of the daily stale-draft sweep.</summary>
    public string StaleSweepCron { get; set; } = "0 0 10 * * ?";

    /// <summary>How long before a review meeting its thread is reminded, when the facilitator does not say.</summary>
    public TimeSpan DefaultMeetingLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where thread links point: {base}{guild}/{thread}.</summary>
    public Uri ChannelLinkBase { get; set; } = new("https://discord.com/channels/");

    /// <summary>The rules of a guild that configured nothing, in <paramref name="timeZone"/>.</summary>
    public ReminderSettings ToDefaultSettings(TimeZoneInfo timeZone) => new()
    {
        TimeZone = timeZone,
        LocalTime = TimeOnly.Parse(LocalTime, System.Globalization.CultureInfo.InvariantCulture),
        DaysBefore = DaysBefore.Count == 0 ? ReminderSettings.Default.DaysBefore : [.. DaysBefore],
        OverdueEveryDays = OverdueEveryDays,
        StaleAfterDays = StaleAfterDays,
        DigestDay = DigestDay,
        DigestTime = TimeOnly.Parse(DigestTime, System.Globalization.CultureInfo.InvariantCulture),
    };
}
