using Quartz;

namespace Postmortem.Reminders.Quartz;

/// <summary>The Quartz identities of the reminder jobs and triggers (group "reminders").</summary>
public static class ReminderJobKeys
{
    public const string Group = "reminders";

    /// <summary>JobDataMap entries: only ids and the slot, never objects.</summary>
    public const string GuildIdData = "guildId";
    public const string MeetingIdData = "meetingId";
    public const string SlotData = "slot";

    public static readonly JobKey DueReminders = new("due-reminders", Group);
    public static readonly TriggerKey DueRemindersTrigger = new("due-reminders", Group);

    public static readonly JobKey Sync = new("reminder-sync", Group);
    public static readonly TriggerKey SyncTrigger = new("reminder-sync", Group);

    public static readonly JobKey WeeklyDigest = new("weekly-digest", Group);
    public static readonly JobKey MeetingReminder = new("meeting-reminder", Group);

    public static readonly JobKey StaleSweep = new("stale-sweep", Group);
    public static readonly TriggerKey StaleSweepTrigger = new("stale-sweep", Group);

    public static TriggerKey DigestTrigger(string guildId) => new("digest:" + guildId, Group);

    public static TriggerKey MeetingTrigger(long meetingId) => new("meeting:" + meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), Group);

    /// <summary>The <c>scheduled_runs</c> key of a guild's digest.</summary>
    public static string DigestRunKey(string guildId) => "digest:" + guildId;

    public static string MeetingRunKey(long meetingId) => "meeting:" + meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string StaleRunKey = "stale-sweep";
}
