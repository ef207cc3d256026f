using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Core.Application;
using Postmortem.Storage.ActionItems;
using Postmortem.Storage.Database;
using Postmortem.Storage.Migrations;
using Postmortem.Storage.Postmortems;

namespace Postmortem.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store: validated <see cref="StorageOptions"/> ("Storage" section), the connection
    /// factory, <see cref="SchemaMigrator"/> (run while the host starts), <see cref="IPostmortemRepository"/>,
    /// <see cref="IActionItemQueries"/> and the background WAL checkpointer.
    /// </summary>
    public static IServiceCollection AddPostmortemStorage(this IServiceCollection services, IConfiguration configuration)
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
        services.TryAddSingleton<SqlitePostmortemRepository>();
        services.TryAddSingleton<IPostmortemRepository>(provider => provider.GetRequiredService<SqlitePostmortemRepository>());
        services.TryAddSingleton<IActionItemQueries, SqliteActionItemQueries>();
        services.AddHostedService<StorageMigrationService>();
        services.AddHostedService(provider => new WalCheckpointService(
            provider.GetRequiredService<WalCheckpointer>(),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<WalCheckpointService>>()));
        return services;
    }
}
