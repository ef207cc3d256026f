using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Reminders;
using Postmortem.Storage.LiteDb.ActionItems;
using Postmortem.Storage.LiteDb.Chat;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.GuildSettings;
using Postmortem.Storage.LiteDb.Operations;
using Postmortem.Storage.LiteDb.Postmortems;
using Postmortem.Storage.LiteDb.Reminders;

namespace Postmortem.Storage.LiteDb;

public static class LiteDbStorageServiceCollectionExtensions
{
    /// <summary>
    /// The LiteDB adapter behind every storage port of Core: validated <see cref="LiteDbStorageOptions"/> ("Storage"
    /// section), the one <see cref="LiteDbDatabase"/> (its engine thread; disposed with the container, which
    /// checkpoints and closes the file), the ports (<see cref="IPostmortemRepository"/>, <see cref="IActionItemQueries"/>,
    /// <see cref="IReminderScheduleStore"/>, <see cref="IReminderSettingsStore"/>, <see cref="IScheduledRunStore"/>,
    /// <see cref="IReviewMeetingStore"/>, <see cref="IStaleNudgeStore"/>, <see cref="IDmChannelStore"/>,
    /// <see cref="IChatLinkStore"/>, <see cref="IGuildSettingsStore"/>) and the checkpoint service (opens the file
    /// while the host starts, checkpoints on a timer and at shutdown), and the operator socket through which <c>backup</c> and <c>dump</c>
    /// reach the running bot (<see cref="LiteDbOperatorSocket"/>). Guilds without settings get the registered
    /// <see cref="GuildDefaults"/> (UTC when none is).
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LiteDbStorageOptions>()
            .Bind(configuration.GetSection(LiteDbStorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiteDbStorageOptions>, LiteDbStorageOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value;
            return new LiteDbDatabase(
                ResolvePath(options.DatabasePath, provider.GetService<IHostEnvironment>()?.ContentRootPath),
                provider.GetService<ILogger<LiteDbDatabase>>(),
                options.CheckpointLogBytes);
        });

        services.TryAddSingleton<IPostmortemRepository>(provider => new LiteDbPostmortemRepository(
            provider.GetRequiredService<LiteDbDatabase>(),
            provider.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value.CachedPostmortems));
        services.TryAddSingleton<IActionItemQueries, LiteDbActionItemQueries>();
        services.TryAddSingleton<IReminderScheduleStore, LiteDbReminderScheduleStore>();
        services.TryAddSingleton<IReminderSettingsStore, LiteDbReminderSettingsStore>();
        services.TryAddSingleton<IScheduledRunStore, LiteDbScheduledRunStore>();
        services.TryAddSingleton<IReviewMeetingStore, LiteDbReviewMeetingStore>();
        services.TryAddSingleton<IStaleNudgeStore, LiteDbStaleNudgeStore>();
        services.TryAddSingleton<IDmChannelStore, LiteDbDmChannelStore>();
        services.TryAddSingleton<IChatLinkStore, LiteDbChatLinkStore>();
        services.TryAddSingleton<IGuildSettingsStore>(provider => new LiteDbGuildSettingsStore(
            provider.GetRequiredService<LiteDbDatabase>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<GuildDefaults>()));

        services.AddHostedService(provider => new LiteDbCheckpointService(
            provider.GetRequiredService<LiteDbDatabase>(),
            provider.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<LiteDbCheckpointService>>()));
        services.AddHostedService(provider => new LiteDbOperatorSocket(
            provider.GetRequiredService<LiteDbDatabase>(),
            provider.GetService<ILogger<LiteDbOperatorSocket>>()));
        return services;
    }

    /// <summary>A relative database path is relative to the content root (or the current directory without a host).</summary>
    public static string ResolvePath(string databasePath, string? contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(databasePath) ? databasePath : Path.Combine(contentRoot ?? Directory.GetCurrentDirectory(), databasePath));
}
