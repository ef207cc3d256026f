using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Postmortem.Core.Application;
using Postmortem.Core.Templates;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Scheduling;
using Postmortem.Storage.LiteDb;
using Postmortem.Testing;

namespace Postmortem.Reminders.Tests.Support;

/// <summary>
/// The real Generic Host: migrations while starting, the schedule rebuilt by <see cref="ReminderSchedulerStartup"/>,
/// the Quartz hosted service (in-memory store, driven by the fake clock) and the delivery workers. A restart is
/// stopping this host and starting a new one on the same database file.
/// </summary>
internal sealed class ReminderHost : IAsyncDisposable
{
    private ReminderHost(IHost host, SignallingWakeup wakeup)
    {
        Host = host;
        Wakeup = wakeup;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public SignallingWakeup Wakeup { get; }

    public DueReminderTrigger Trigger => Services.GetRequiredService<DueReminderTrigger>();

    public static async Task<ReminderHost> StartAsync(string databasePath, FakeTimeProvider clock, FakeReminderSender sender)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Reminders:Workers"] = "2",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IReminderSender>(sender);
        builder.Services.AddSingleton<SignallingWakeup>(sp => new SignallingWakeup(sp.GetRequiredService<DueReminderTrigger>(), clock));
        builder.Services.AddSingleton<IReminderWakeup>(sp => sp.GetRequiredService<SignallingWakeup>());
        builder.Services.AddSingleton<ITemplateCatalog>(BuiltInTemplates.Catalog);
        builder.Services.AddLiteDbStorage(builder.Configuration);
        builder.Services.AddSingleton(sp => new PostmortemService(sp.GetRequiredService<IPostmortemRepository>(), clock, sp.GetRequiredService<ITemplateCatalog>()));
        builder.Services.AddPostmortemReminders(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new ReminderHost(host, host.Services.GetRequiredService<SignallingWakeup>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    /// <summary>Forwards to the Quartz trigger and signals every wake-up planned after "now": a delivery was recorded.</summary>
    internal sealed class SignallingWakeup(DueReminderTrigger trigger, TimeProvider time) : IReminderWakeup
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _future = new();
        private TaskCompletionSource<DateTimeOffset> _next = New();

        public async Task WakeAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
        {
            await trigger.WakeAtAsync(at, cancellationToken);
            if (at > time.GetUtcNow())
            {
                _future.Enqueue(at);
                Interlocked.Exchange(ref _next, New()).TrySetResult(at);
            }
        }

        /// <summary>Waits until a wake-up at <paramref name="at"/> was asked for while it was still ahead.</summary>
        public async Task WaitForAsync(DateTimeOffset at, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (true)
            {
                var next = _next.Task;
                if (_future.Contains(at))
                {
                    return;
                }

                await next.WaitAsync(deadline.Token);
            }
        }

        private static TaskCompletionSource<DateTimeOffset> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
