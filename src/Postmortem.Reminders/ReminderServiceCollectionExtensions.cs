using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Postmortem.Core.Guilds;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Digest;
using Postmortem.Reminders.Interactions;
using Postmortem.Reminders.Meetings;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Settings;
using Postmortem.Reminders.Stale;
using Quartz;

namespace Postmortem.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders (issue 5): validated <see cref="ReminderOptions"/> ("Reminders"), the reminder stores, the schedule
    /// sync, the due scan and its delivery workers, Quartz.NET (in-memory store rebuilt from the database at startup) with
    /// the reminder jobs, and the Discord sender. Needs a storage adapter behind the Core ports (e.g. <c>AddLiteDbStorage</c>) and the Discord
    /// REST client (<c>AddDiscordClient</c>, or another <see cref="IReminderSender"/> registered first).
    /// Guilds without settings use the host's <see cref="GuildDefaults"/> (registered first; otherwise UTC).
    /// This registers the application's Quartz scheduler; other jobs join it through <paramref name="configureQuartz"/>.
    /// </summary>
    public static IServiceCollection AddPostmortemReminders(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IQuartzBuilder>? configureQuartz = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GuildDefaults.Utc);

        services.TryAddSingleton<GuildReminderSettings>();
        services.TryAddSingleton<DueReminderTrigger>();
        services.TryAddSingleton<IReminderWakeup>(sp => sp.GetRequiredService<DueReminderTrigger>());
        services.TryAddSingleton<ReminderScheduleSync>();
        services.TryAddSingleton<ReminderQueue>();
        services.TryAddSingleton<ReminderDispatcher>();
        services.TryAddSingleton<ReminderDelivery>();
        // Factories: only resolved (and only then needing the Discord client) when no other sender was registered.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<DmChannelCache>(sp));
        services.TryAddSingleton<IReminderSender>(sp => ActivatorUtilities.CreateInstance<DiscordReminderSender>(sp));
        services.TryAddSingleton<RecurringReminderSchedules>();
        services.TryAddSingleton<ReminderConfiguration>();
        services.TryAddSingleton<WeeklyDigestRunner>();
        services.TryAddSingleton<ReviewMeetings>();
        services.TryAddSingleton<StaleDraftSweep>();
        services.TryAddSingleton<ReminderInteractions>();
        services.TryAddSingleton<ActionsCommand>();

        services.AddQuartz(quartz =>
        {
            // The database is the truth and is read back at startup; a persistent job store would hold a second
            // copy (one trigger per item) that costs memory and startup time and can disagree with it.
            quartz.UseInMemoryStore();
            quartz.AddJob<DueRemindersJob>(job => job.WithIdentity(ReminderJobKeys.DueReminders).StoreDurably().DisallowConcurrentExecution());
            quartz.AddJob<ReminderSyncJob>(job => job.WithIdentity(ReminderJobKeys.Sync).StoreDurably().DisallowConcurrentExecution());
            quartz.AddJob<WeeklyDigestJob>(job => job.WithIdentity(ReminderJobKeys.WeeklyDigest).StoreDurably());
            quartz.AddJob<MeetingReminderJob>(job => job.WithIdentity(ReminderJobKeys.MeetingReminder).StoreDurably());
            quartz.AddJob<StaleSweepJob>(job => job.WithIdentity(ReminderJobKeys.StaleSweep).StoreDurably().DisallowConcurrentExecution());
            configureQuartz?.Invoke(quartz);
        });

        // Registered before the Quartz hosted service, so the schedule is rebuilt before the scheduler starts.
        services.AddHostedService<ReminderSchedulerStartup>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ReminderDeliveryWorker>();
        return services;
    }
}
