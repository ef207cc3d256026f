using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Reminders;

namespace Postmortem.Testing.Storage;

/// <summary>Every Core storage port of one storage, over the same data.</summary>
public sealed record StoragePorts(
    IPostmortemRepository Postmortems,
    IActionItemQueries ActionItems,
    IReminderScheduleStore ReminderSchedule,
    IReminderSettingsStore ReminderSettings,
    IScheduledRunStore ScheduledRuns,
    IReviewMeetingStore ReviewMeetings,
    IStaleNudgeStore StaleNudges,
    IDmChannelStore DmChannels,
    IChatLinkStore ChatLinks,
    IGuildSettingsStore GuildSettings);
