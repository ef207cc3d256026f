using Microsoft.Extensions.Hosting;

namespace Postmortem.Storage.Migrations;

/// <summary>
/// Migrates the database while the host is starting, before any hosted service's StartAsync runs, so front
/// ends and schedulers never see an old schema regardless of registration order.
/// </summary>
public sealed class StorageMigrationService(SchemaMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
