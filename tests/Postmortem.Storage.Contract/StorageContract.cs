using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Testing;
using Postmortem.Testing.Storage;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary>
/// What every storage adapter must do, written once against Core's ports (their XML docs are the specification).
/// An adapter's test project subclasses this with its <see cref="ITestStorageProvider"/>; the suite then runs on a
/// fresh, empty storage per test. Split by port into partial files.
/// </summary>
public abstract partial class StorageContract : IAsyncLifetime
{
    /// <summary>The zone guilds without settings get in this suite (not UTC, so a store that ignores it shows).</summary>
    protected static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private TestStorage? _storage;

    protected abstract ITestStorageProvider Provider { get; }

    /// <summary>The clock of the postmortem service; it starts on a sub-millisecond tick so stores must keep ticks.</summary>
    protected FakeTimeProvider Clock { get; } = new(Now.AddTicks(1234567));

    protected StoragePorts Ports { get; private set; } = null!;

    protected PostmortemService Service => new(Ports.Postmortems, Clock);

    public async Task InitializeAsync()
    {
        _storage = await Provider.CreateAsync(new GuildDefaults(DefaultZone));
        Ports = _storage.Ports;
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    /// <summary>The same data through new objects, as after a restart.</summary>
    protected Task<StoragePorts> ReopenAsync() => _storage!.ReopenAsync();

    /// <summary>Starts a draft through the service; returns its id.</summary>
    protected async Task<PostmortemId> StartAsync(string guildId = "guild-1", string title = "Incremental compilation ICEs", string? threadId = null)
    {
        var outcome = await Service.StartAsync(guildId, "channel-" + guildId, title, Felix);
        Assert.True(outcome.Succeeded, outcome.Result.Message);
        var id = outcome.Postmortem!.Id;
        if (threadId is not null)
        {
            await DoAsync(id, new AttachThread(threadId));
        }

        return id;
    }

    /// <summary>Runs a command that must succeed a minute later; returns the created id (or 0).</summary>
    protected async Task<int> DoAsync(PostmortemId id, PostmortemCommand command, UserRef? actor = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = await Service.ExecuteAsync(id, command, actor ?? Felix);
        Assert.True(outcome.Succeeded, $"{command} failed: {outcome.Result.Message}");
        return outcome.Result.CreatedId ?? 0;
    }

    /// <summary>Adds an action item under the postmortem's first corrective action (made on first use); returns its id.</summary>
    protected async Task<int> AddItemAsync(PostmortemId id, UserRef? owner, DateOnly? due, string text = "Survey response playbooks.")
    {
        var postmortem = (await Ports.Postmortems.GetAsync(id))!;
        var action = postmortem.CorrectiveActions.FirstOrDefault(a => !a.Retracted)?.Id
            ?? await DoAsync(id, new AddCorrectiveAction(await DoAsync(id, new AddLesson("Talk to users sooner.", [])), "Write a playbook."));
        return await DoAsync(id, new AddActionItem(action, text, owner, due));
    }

    /// <summary>The rows the projection holds for one postmortem, as the change queue reports them (closed ones too).</summary>
    protected static IReadOnlyList<ProjectedActionItem> Rows(Core.Postmortem postmortem) => ActionItemProjection.RowsOf(postmortem);
}
