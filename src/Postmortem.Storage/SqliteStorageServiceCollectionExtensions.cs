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
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Chat;
using Postmortem.Storage.Database;
using Postmortem.Storage.GuildSettings;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;
using Postmortem.Storage.Reminders;

namespace Postmortem.Storage;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// The SQLite adapter behind every storage port of Core: validated <see cref="StorageOptions"/> ("Storage"
    /// section), the connection factory, <see cref="SchemaMigrator"/> (run while the host starts), the ports
    /// (<see cref="IPostmortemRepository"/>, <see cref="IActionItemQueries"/>, <see cref="IReminderScheduleStore"/>,
    /// <see cref="IReminderSettingsStore"/>, <see cref="IScheduledRunStore"/>, <see cref="IReviewMeetingStore"/>,
    /// <see cref="IStaleNudgeStore"/>, <see cref="IDmChannelStore"/>, <see cref="IChatLinkStore"/>,
    /// <see cref="IGuildSettingsStore"/>) and the background WAL checkpointer. Guilds without settings get the
    /// registered <see cref="GuildDefaults"/> (UTC when none is).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(provider => new SqliteConnectionFactory(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetService<IHostEnvironment>()?.ContentRootPath));
        services.TryAddSingleton(provider => new SqliteDatabase(
            provider.GetRequiredService<SqliteConnectionFactory>(),
            provider.GetService<ILogger<SqliteDatabase>>()));
        services.TryAddSingleton(provider => new SchemaMigrator(
            provider.GetRequiredService<SqliteDatabase>(),
            provider.GetService<ILogger<SchemaMigrator>>(),
            provider.GetService<TimeProvider>()));
        services.TryAddSingleton<WalCheckpointer>();

        services.TryAddSingleton<IPostmortemRepository, SqlitePostmortemRepository>();
        services.TryAddSingleton<IActionItemQueries, SqliteActionItemQueries>();
        services.TryAddSingleton<IReminderScheduleStore, SqliteReminderScheduleStore>();
        services.TryAddSingleton<IReminderSettingsStore, SqliteReminderSettingsStore>();
        services.TryAddSingleton<IScheduledRunStore, SqliteScheduledRunStore>();
        services.TryAddSingleton<IReviewMeetingStore, SqliteReviewMeetingStore>();
        services.TryAddSingleton<IStaleNudgeStore, SqliteStaleNudgeStore>();
        services.TryAddSingleton<IDmChannelStore, SqliteDmChannelStore>();
        services.TryAddSingleton<IChatLinkStore, SqliteChatLinkStore>();
        services.TryAddSingleton<IGuildSettingsStore>(provider => new SqliteGuildSettingsStore(
            provider.GetRequiredService<SqliteDatabase>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<GuildDefaults>()));

        services.AddHostedService<StorageMigrationService>();
        services.AddHostedService(provider => new WalCheckpointService(
            provider.GetRequiredService<WalCheckpointer>(),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<WalCheckpointService>>()));
        return services;
    }
}
