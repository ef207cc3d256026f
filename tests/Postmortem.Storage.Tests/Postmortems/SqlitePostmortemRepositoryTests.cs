using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Tests.Support.People;

namespace Postmortem.Storage.Tests.Postmortems;

public sealed class SqlitePostmortemRepositoryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_AssignsIncreasingIdsAndVersionOne()
    {
        var first = Core.Postmortem.Start("guild-1", "channel-1", "First", Felix, Now, "rust-compiler-2021");
        var second = Core.Postmortem.Start("guild-1", "channel-1", "Second", Felix, Now, "rust-compiler-2021");

        var firstId = await _db.Repository.CreateAsync(first);
        var secondId = await _db.Repository.CreateAsync(second);

        Assert.True(firstId.IsAssigned);
        Assert.True(secondId.Value > firstId.Value);
        var stored = (await _db.Repository.GetAsync(secondId))!;
        Assert.Equal((secondId, 1L, "Second"), (stored.Id, stored.Version, stored.Title));
    }

    [Fact]
    public async Task Create_WhenTheDraftAlreadyHasAnId_Throws()
    {
        var draft = Core.Postmortem.Start("guild-1", "channel-1", "First", Felix, Now, "rust-compiler-2021");
        draft.MarkPersisted(new PostmortemId(7), 1);

        await Assert.ThrowsAsync<ArgumentException>(() => _db.Repository.CreateAsync(draft));
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull() =>
        Assert.Null(await _db.Repository.GetAsync(new PostmortemId(12345)));

    [Fact]
    public async Task RichPostmortem_RoundTripsExactly_AlsoAfterReopeningTheFile()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);

        var loaded = (await _db.Repository.GetAsync(rich.Id))!;
        using var reopened = _db.Reopen();
        var reloaded = (await reopened.Repository.GetAsync(rich.Id))!;

        Assert.Equal(Snapshot.Of(rich.Latest), Snapshot.Of(loaded));
        Assert.Equal(Snapshot.Of(rich.Latest), Snapshot.Of(reloaded));
        // Spot checks that the snapshot really holds the rich parts (a broken serializer would drop them).
        Assert.Equal([1, 2], reloaded.FindSection("summary")!.Revisions.Select(r => r.Number));
        Assert.Equal(Wesley, reloaded.FindSection("summary")!.Current!.Author);
        Assert.Contains("“ICE” 🚨", reloaded.CurrentText("user-impact"), StringComparison.Ordinal);
        Assert.Equal("Ana's rewrite of the summary.", Assert.Single(reloaded.UnmergedEdits).Text);
        Assert.True(reloaded.FindSection("leadup")!.Skipped);
        Assert.Equal(4, reloaded.Timeline.Count);
        Assert.Equal(TimeSpan.Zero, reloaded.Timeline[1].At.Offset);
        Assert.Equal(2, reloaded.Metrics.Count);
        Assert.Equal(["1", "1.1", "1.2", "1.2.1", "2"], reloaded.Whys.Select(w => w.Path));
        Assert.True(reloaded.Whys[^1].Retracted);
        Assert.Equal(["1a", "1.1a", "1.2a", "1.2b", "1.2.1a"], reloaded.WhyAnswers.Select(a => a.Label));
        Assert.True(reloaded.FindWhyAnswer(rich.RootCauseAnswerId)!.IsRootCause);
        Assert.Equal(["1a", "2a", "2b"], reloaded.CorrectiveActions.Select(c => c.Label));
        Assert.Equal(["1a-i", "1a-ii", "2a-i", "2a-ii"], reloaded.ActionItems.Select(i => i.Label));
        Assert.Equal(ActionItemStatus.Dropped, reloaded.FindActionItem(rich.DroppedItemId)!.Status);
        Assert.Equal("Covered by the release notes.", reloaded.FindActionItem(rich.DroppedItemId)!.DropReason);
        Assert.Equal(PostmortemStatus.InReview, reloaded.Status);
        Assert.Equal([Felix, Wesley, Ana], reloaded.Participants);
        Assert.Equal(rich.Latest.Version, reloaded.Version);
    }

    [Fact]
    public async Task Save_BumpsTheVersionAndUpdatesTheListedColumns()
    {
        var service = _db.Service(_clock);
        var id = (await service.StartAsync("guild-1", "channel-1", "Old title", Felix)).Postmortem!.Id;
        _clock.Advance(TimeSpan.FromHours(1));
        await service.ExecuteAsync(id, new SetTitle("New title"), Felix);
        await service.ExecuteAsync(id, new AttachThread("thread-9"), Felix);
        await service.ExecuteAsync(id, new SubmitForReview(), Felix);

        var summary = Assert.Single(await _db.Repository.ListAsync("guild-1"));
        Assert.Equal(new PostmortemSummary(id, "New title", PostmortemStatus.InReview, Now.AddHours(1), "thread-9"), summary);
        Assert.Equal(4, (await _db.Repository.GetAsync(id))!.Version);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ThrowsConcurrencyExceptionAndWritesNothing()
    {
        var service = _db.Service(_clock);
        var id = (await service.StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        var mine = (await _db.Repository.GetAsync(id))!;
        var theirs = (await _db.Repository.GetAsync(id))!;
        theirs.Apply(new AnswerSection("summary", "Their summary."), Wesley, Now);
        await _db.Repository.SaveAsync(theirs, expectedVersion: 1);
        var before = Snapshot.Of((await _db.Repository.GetAsync(id))!);
        mine.Apply(new SetTitle("My title"), Felix, Now);

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => _db.Repository.SaveAsync(mine, expectedVersion: 1));

        Assert.Equal((id, 1L), (error.PostmortemId, error.ExpectedVersion));
        Assert.Equal(before, Snapshot.Of((await _db.Repository.GetAsync(id))!));
        Assert.Equal("Title", Assert.Single(await _db.Repository.ListAsync("guild-1")).Title);
    }

    [Fact]
    public async Task Get_SeesWhatAnotherProcessSaved_EvenAfterThisOneCachedAnOlderVersion()
    {
        var id = (await _db.Service(_clock).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        Assert.Equal(1, (await _db.Repository.GetAsync(id))!.Version);
        using var otherProcess = _db.Reopen();
        await otherProcess.Service(_clock).ExecuteAsync(id, new AnswerSection("summary", "Written elsewhere."), Wesley);

        var seen = (await _db.Repository.GetAsync(id))!;

        Assert.Equal((2L, "Written elsewhere."), (seen.Version, seen.CurrentText("summary")));
    }

    [Fact]
    public async Task Get_ReturnsAnIndependentCopyEachTime()
    {
        var id = (await _db.Service(_clock).StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        var first = (await _db.Repository.GetAsync(id))!;
        first.Apply(new AnswerSection("summary", "Not saved."), Felix, Now);

        var second = (await _db.Repository.GetAsync(id))!;

        Assert.Null(second.CurrentText("summary"));
    }

    [Fact]
    public async Task Save_OfAPostmortemThatWasNeverCreated_Throws()
    {
        var draft = Core.Postmortem.Start("guild-1", "channel-1", "Draft", Felix, Now, "rust-compiler-2021");

        await Assert.ThrowsAsync<ArgumentException>(() => _db.Repository.SaveAsync(draft, 1));
    }

    [Fact]
    public async Task List_IsScopedToTheGuild_NewestFirst_AndSearchesTitlesIgnoringCase()
    {
        var service = _db.Service(_clock);
        var older = (await service.StartAsync("guild-1", "c", "Ärger mit dem Cache", Felix)).Postmortem!.Id;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var newer = (await service.StartAsync("guild-1", "c", "Rollout of 1.52.0", Felix)).Postmortem!.Id;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await service.StartAsync("guild-2", "c", "Other guild's rollout", Felix);

        var all = await _db.Repository.ListAsync("guild-1");
        var rollouts = await _db.Repository.ListAsync("guild-1", "ROLLOUT");
        var umlaut = await _db.Repository.ListAsync("guild-1", "ärger");
        var literal = await _db.Repository.ListAsync("guild-1", "%");
        var limited = await _db.Repository.ListAsync("guild-1", limit: 1);

        Assert.Equal([newer, older], all.Select(s => s.Id));
        Assert.Equal([newer], rollouts.Select(s => s.Id));
        Assert.Equal([older], umlaut.Select(s => s.Id));
        Assert.Empty(literal);
        Assert.Equal([newer], limited.Select(s => s.Id));
        Assert.Empty(await _db.Repository.ListAsync("guild-3"));
    }

    [Fact]
    public async Task FindByThread_ReturnsThePostmortemDiscussedThere()
    {
        var service = _db.Service(_clock);
        var id = (await service.StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        await service.StartAsync("guild-1", "channel-1", "Other", Felix);
        await service.ExecuteAsync(id, new AttachThread("thread-42"), Felix);

        var found = await _db.Repository.FindByThreadAsync("thread-42");

        Assert.Equal(id, found?.Id);
        Assert.Equal(2, found!.Version);
        Assert.Null(await _db.Repository.FindByThreadAsync("thread-43"));
    }

    [Fact]
    public async Task StoredInstants_AreUtcIsoText()
    {
        var service = _db.Service(new FakeTimeProvider(new DateTimeOffset(2021, 5, 10, 11, 0, 0, TimeSpan.FromHours(2))));
        var id = (await service.StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;

        await using var raw = _db.OpenRaw();
        var createdAt = await TestDatabase.ScalarAsync(raw, $"SELECT created_at FROM postmortems WHERE id = {id.Value}");

        Assert.Equal("2021-05-10T09:00:00.0000000Z", createdAt);
    }

    [Fact]
    public async Task StoredState_IsReadableJsonText()
    {
        var rich = await RichPostmortem.BuildAsync(_db.Service(_clock), _clock);

        await using var raw = _db.OpenRaw();
        var check = await TestDatabase.ScalarAsync(raw, $"""
            SELECT typeof(state_json) || ' ' || json_valid(state_json) || ' ' || (state_json ->> '$.title')
                || ' ' || (state_json ->> '$.version')
            FROM postmortems WHERE id = {rich.Id.Value}
            """);

        Assert.Equal($"text 1 1.52.0 incremental compilation ICEs {rich.Latest.Version}", check);
    }
}
