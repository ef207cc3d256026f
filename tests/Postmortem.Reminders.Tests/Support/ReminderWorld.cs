using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Core.Templates;
using Postmortem.Discord.Rest;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Interactions;
using Postmortem.Reminders.Quartz;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Settings;
using Postmortem.Storage.LiteDb;
using Postmortem.Testing;

namespace Postmortem.Reminders.Tests.Support;

/// <summary>
/// The reminder services as the host wires them (real LiteDB file, real stores and Quartz registration), with a
/// fake clock, a fake sender and, by default, a recording wake-up instead of the Quartz trigger. Creating a new
/// world on the same file and clock is a restart: nothing in memory survives.
/// </summary>
internal sealed class ReminderWorld : IAsyncDisposable
{
    private ReminderWorld(ServiceProvider services, FakeTimeProvider clock, FakeReminderSender sender, RecordingWakeup? wakeup)
    {
        Services = services;
        Clock = clock;
        Sender = sender;
        Wakeup = wakeup;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public FakeReminderSender Sender { get; }

    /// <summary>Null when the real Quartz trigger is used.</summary>
    public RecordingWakeup? Wakeup { get; }

    public PostmortemService Service => Services.GetRequiredService<PostmortemService>();

    public IReminderScheduleStore Schedule => Services.GetRequiredService<IReminderScheduleStore>();

    public ReminderScheduleSync Sync => Services.GetRequiredService<ReminderScheduleSync>();

    public ReminderDispatcher Dispatcher => Services.GetRequiredService<ReminderDispatcher>();

    public ReminderQueue Queue => Services.GetRequiredService<ReminderQueue>();

    public ReminderDelivery Delivery => Services.GetRequiredService<ReminderDelivery>();

    public GuildReminderSettings Settings => Services.GetRequiredService<GuildReminderSettings>();

    public ReminderInteractions Interactions => Services.GetRequiredService<ReminderInteractions>();

    public static async Task<ReminderWorld> StartAsync(
        string databasePath,
        FakeTimeProvider clock,
        FakeReminderSender? sender = null,
        bool realTrigger = false,
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configure = null,
        IDiscordRestClient? discord = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Reminders:RetryBaseDelay"] = "00:01:00",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IHostApplicationLifetime, NoHostLifetime>();
        sender ??= new FakeReminderSender();
        if (discord is null)
        {
            services.AddSingleton<IReminderSender>(sender);
        }
        else
        {
            services.AddSingleton(discord); // the real DiscordReminderSender
        }

        RecordingWakeup? wakeup = null;
        if (!realTrigger)
        {
            wakeup = new RecordingWakeup();
            services.AddSingleton<IReminderWakeup>(wakeup);
        }

        services.AddSingleton<ITemplateCatalog>(BuiltInTemplates.Catalog);
        services.AddLiteDbStorage(config);
        services.AddSingleton(sp => new PostmortemService(sp.GetRequiredService<IPostmortemRepository>(), clock, sp.GetRequiredService<ITemplateCatalog>()));
        services.AddPostmortemReminders(config);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // Opens the file now, as the host's start does, so a broken store fails here and not in a test step.
        await provider.GetRequiredService<Postmortem.Storage.LiteDb.Engine.LiteDbDatabase>().LogSizeAsync();
        return new ReminderWorld(provider, clock, sender, wakeup);
    }

    /// <summary>One due scan as the job runs it, then every queued reminder delivered (in order, on this thread).</summary>
    public async Task<IReadOnlyList<ReminderDelivery.Result>> RunDueAsync()
    {
        await Dispatcher.RunDueAsync(Clock.GetUtcNow());
        return await DrainAsync();
    }

    /// <summary>Delivers whatever the scan queued, like the workers do.</summary>
    public async Task<IReadOnlyList<ReminderDelivery.Result>> DrainAsync()
    {
        var results = new List<ReminderDelivery.Result>();
        while (Queue.TryDequeue(out var row))
        {
            try
            {
                results.Add(await Delivery.DeliverAsync(row));
            }
            finally
            {
                Queue.Complete(row.Key);
            }
        }

        return results;
    }

    /// <summary>A draft with a thread, one lesson, one corrective action and one action item; returns the ids.</summary>
    public async Task<(PostmortemId Id, int ItemId)> CreateItemAsync(
        UserRef? owner,
        DateOnly? due,
        string guildId = People.GuildId,
        UserRef? facilitator = null,
        string text = "Survey response playbooks, especially of programming languages",
        string channelId = People.ChannelId,
        string? threadId = People.ThreadId)
    {
        facilitator ??= People.Felix;
        var started = await Service.StartAsync(guildId, channelId, "Incremental compilation fingerprint bug", facilitator);
        var id = started.Postmortem!.Id;
        if (threadId is not null)
        {
            await ExecuteAsync(id, new AttachThread(threadId), facilitator);
        }

        var lesson = await ExecuteAsync(id, new AddLesson("We need to communicate more quickly with our users after an event like this", []), facilitator);
        var action = await ExecuteAsync(id, new AddCorrectiveAction(lesson, "Define a playbook for communicating with users after a user-impacting event"), facilitator);
        var item = await ExecuteAsync(id, new AddActionItem(action, text, owner, due), facilitator);
        return (id, item);
    }

    /// <summary>Runs a command that must succeed; returns the created id (or 0).</summary>
    public async Task<int> ExecuteAsync(PostmortemId id, Core.Commands.PostmortemCommand command, UserRef actor)
    {
        var outcome = await Service.ExecuteAsync(id, command, actor);
        Assert.True(outcome.Succeeded, outcome.Result.Message);
        return outcome.Result.CreatedId ?? 0;
    }

    /// <summary>What /postmortem config does: saves the guild's general settings, then tells the reminders.</summary>
    public async Task ConfigureGuildAsync(string guildId, TimeZoneInfo? zone = null, string? reminderChannelId = null)
    {
        await Services.GetRequiredService<IGuildSettingsStore>().SaveAsync(guildId, new GuildSettings { TimeZone = zone ?? TimeZoneInfo.Utc, ReminderChannelId = reminderChannelId });
        await Services.GetRequiredService<ReminderConfiguration>().GuildSettingsChangedAsync(guildId);
    }

    public async Task<ReminderScheduleRow?> RowAsync(PostmortemId id, int itemId) => await Schedule.GetAsync(new ReminderKey(id, itemId));

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    // The hosted services are registered but never started here; the host tests run them for real.
    private sealed class NoHostLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
