using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage.Contract.Support;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Contract;

/// <summary><see cref="IPostmortemRepository"/>.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Create_AssignsIncreasingPositiveIds_AndVersionOne()
    {
        var first = Core.Postmortem.Start("guild-1", "channel-1", "First", Felix, Now, "rust-compiler-2021");
        var second = Core.Postmortem.Start("guild-1", "channel-1", "Second", Felix, Now, "rust-compiler-2021");

        var firstId = await Ports.Postmortems.CreateAsync(first);
        var secondId = await Ports.Postmortems.CreateAsync(second);

        Assert.True(firstId.Value > 0);
        Assert.True(secondId.Value > firstId.Value);
        var stored = (await Ports.Postmortems.GetAsync(secondId))!;
        Assert.Equal((secondId, 1L, "Second"), (stored.Id, stored.Version, stored.Title));
        Assert.False(first.Id.IsAssigned, "Creating stores a copy; the caller marks its draft persisted.");
    }

    [Fact]
    public async Task Create_WhenTheDraftAlreadyHasAnId_Throws()
    {
        var draft = Core.Postmortem.Start("guild-1", "channel-1", "First", Felix, Now, "rust-compiler-2021");
        draft.MarkPersisted(new PostmortemId(7), 1);

        await Assert.ThrowsAsync<ArgumentException>(() => Ports.Postmortems.CreateAsync(draft));
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull() =>
        Assert.Null(await Ports.Postmortems.GetAsync(new PostmortemId(12345)));

    [Fact]
    public async Task RichPostmortem_RoundTripsExactly_AlsoAfterAReopen()
    {
        var rich = await RichPostmortem.BuildAsync(Service, Clock);

        var loaded = (await Ports.Postmortems.GetAsync(rich.Id))!;
        var reloaded = (await (await ReopenAsync()).Postmortems.GetAsync(rich.Id))!;

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
        Assert.Equal(rich.Latest.UpdatedAt.UtcTicks, reloaded.UpdatedAt.UtcTicks);
    }

    [Fact]
    public async Task Save_BumpsTheVersion_AndUpdatesTheSummary()
    {
        var id = await StartAsync(title: "Old title");
        await DoAsync(id, new SetTitle("New title"));
        await DoAsync(id, new AttachThread("thread-9"));
        await DoAsync(id, new SubmitForReview());

        var summary = Assert.Single(await Ports.Postmortems.ListAsync("guild-1"));
        Assert.Equal(new PostmortemSummary(id, "New title", PostmortemStatus.InReview, Clock.GetUtcNow(), "thread-9"), summary);
        Assert.Equal(TimeSpan.Zero, summary.UpdatedAt.Offset);
        Assert.Equal(4, (await Ports.Postmortems.GetAsync(id))!.Version);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ThrowsConcurrencyException_AndWritesNothing()
    {
        var id = await StartAsync(title: "Title");
        var item = await AddItemAsync(id, Wesley, new DateOnly(2021, 6, 1));
        await DrainChangesAsync();
        var mine = (await Ports.Postmortems.GetAsync(id))!;
        var theirs = (await Ports.Postmortems.GetAsync(id))!;
        theirs.Apply(new AnswerSection("summary", "Their summary."), Wesley, Now);
        await Ports.Postmortems.SaveAsync(theirs, mine.Version);
        var before = Snapshot.Of((await Ports.Postmortems.GetAsync(id))!);
        mine.Apply(new SetTitle("My title"), Felix, Now);
        mine.Apply(new EditActionItem(item, "Changed.", Ana, new DateOnly(2021, 7, 1)), Felix, Now);

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => Ports.Postmortems.SaveAsync(mine, mine.Version));

        Assert.Equal((id, mine.Version), (error.PostmortemId, error.ExpectedVersion));
        Assert.Equal(before, Snapshot.Of((await Ports.Postmortems.GetAsync(id))!));
        Assert.Equal("Title", Assert.Single(await Ports.Postmortems.ListAsync("guild-1")).Title);
        Assert.Equal(Wesley, Assert.Single(await Ports.ActionItems.ListOpenAsync("guild-1")).Item.Owner);
        Assert.Equal(0, await Ports.ReminderSchedule.CountDirtyAsync());
    }

    [Fact]
    public async Task Save_OfAPostmortemThisStoreDoesNotHave_ThrowsConcurrencyException()
    {
        var stranger = Core.Postmortem.Start("guild-1", "channel-1", "Elsewhere", Felix, Now, "rust-compiler-2021");
        stranger.MarkPersisted(new PostmortemId(999), 3);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Ports.Postmortems.SaveAsync(stranger, 3));
        Assert.Null(await Ports.Postmortems.GetAsync(new PostmortemId(999)));
    }

    [Fact]
    public async Task Save_OfAPostmortemThatWasNeverCreated_ThrowsArgumentException()
    {
        var draft = Core.Postmortem.Start("guild-1", "channel-1", "Draft", Felix, Now, "rust-compiler-2021");

        await Assert.ThrowsAsync<ArgumentException>(() => Ports.Postmortems.SaveAsync(draft, 1));
    }

    [Fact]
    public async Task Get_ReturnsAnIndependentCopyEachTime()
    {
        var id = await StartAsync();
        var first = (await Ports.Postmortems.GetAsync(id))!;
        first.Apply(new AnswerSection("summary", "Not saved."), Felix, Now);

        var second = (await Ports.Postmortems.GetAsync(id))!;

        Assert.Null(second.CurrentText("summary"));
    }

    [Fact]
    public async Task Get_SeesWhatAnotherInstanceSaved_AfterThisOneLoadedAnOlderVersion()
    {
        var id = await StartAsync();
        Assert.Equal(1, (await Ports.Postmortems.GetAsync(id))!.Version);
        var other = await ReopenAsync();
        await new PostmortemService(other.Postmortems, Clock).ExecuteAsync(id, new AnswerSection("summary", "Written elsewhere."), Wesley);

        var seen = (await Ports.Postmortems.GetAsync(id))!;

        Assert.Equal((2L, "Written elsewhere."), (seen.Version, seen.CurrentText("summary")));
    }

    [Fact]
    public async Task List_IsScopedToTheGuild_NewestFirst_AndSearchesTitlesIgnoringCase()
    {
        var older = await StartAsync(title: "Ärger mit dem Cache");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await StartAsync(title: "Rollout of 1.52.0");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await StartAsync("guild-2", "Other guild's rollout");

        Assert.Equal([newer, older], (await Ports.Postmortems.ListAsync("guild-1")).Select(s => s.Id));
        Assert.Equal([newer], (await Ports.Postmortems.ListAsync("guild-1", "  ROLLOUT ")).Select(s => s.Id));
        Assert.Equal([older], (await Ports.Postmortems.ListAsync("guild-1", "ärger")).Select(s => s.Id));
        Assert.Equal([newer, older], (await Ports.Postmortems.ListAsync("guild-1", " ")).Select(s => s.Id));
        Assert.Empty(await Ports.Postmortems.ListAsync("guild-1", "%"));
        Assert.Empty(await Ports.Postmortems.ListAsync("guild-1", "_"));
        Assert.Equal([newer], (await Ports.Postmortems.ListAsync("guild-1", limit: 1)).Select(s => s.Id));
        Assert.Empty(await Ports.Postmortems.ListAsync("guild-3"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ports.Postmortems.ListAsync("guild-1", limit: 0));
    }

    [Fact]
    public async Task List_BreaksTiesByHigherIdFirst_AndNeverReturnsMoreThanTheLimit()
    {
        var ids = new List<PostmortemId>();
        for (var i = 0; i < StorageLimits.MaxPostmortemList + 2; i++)
        {
            ids.Add(await Ports.Postmortems.CreateAsync(Core.Postmortem.Start("guild-1", "c", $"Same instant {i}", Felix, Now, "rust-compiler-2021")));
        }

        var listed = await Ports.Postmortems.ListAsync("guild-1", limit: 1000);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(StorageLimits.MaxPostmortemList), listed.Select(s => s.Id));
    }

    [Fact]
    public async Task FindByThread_ReturnsThePostmortemDiscussedThere_TheNewestWhenSeveral()
    {
        var id = await StartAsync(threadId: "thread-42");
        await StartAsync(title: "Other");
        Assert.Equal(id, (await Ports.Postmortems.FindByThreadAsync("thread-42"))?.Id);
        Assert.Equal(2, (await Ports.Postmortems.FindByThreadAsync("thread-42"))!.Version);

        var later = await StartAsync(title: "Same thread", threadId: "thread-42");

        Assert.Equal(later, (await Ports.Postmortems.FindByThreadAsync("thread-42"))?.Id);
        Assert.Null(await Ports.Postmortems.FindByThreadAsync("thread-43"));
    }

    [Fact]
    public async Task TwoWritersOnOnePostmortem_OneGetsTheConflict_AndTheServiceLandsBothAnswers()
    {
        var id = await StartAsync();
        var why1 = await DoAsync(id, new AskWhy(null, "Why one?"));
        var why2 = await DoAsync(id, new AskWhy(null, "Why two?"));
        // Both writers load the same version before either saves, so one real save must lose.
        var repository = new LoadTogetherRepository(Ports.Postmortems, writers: 2);
        var service = new PostmortemService(repository, Clock);

        var answers = await Task.WhenAll(
            Task.Run(() => service.ExecuteAsync(id, new AnswerWhy(why1, "Wesley's answer"), Wesley)),
            Task.Run(() => service.ExecuteAsync(id, new AnswerWhy(why2, "Ana's answer"), Ana))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(answers, a => Assert.True(a.Succeeded, a.Result.Message));
        Assert.Equal(1, repository.Conflicts);
        var stored = (await Ports.Postmortems.GetAsync(id))!;
        Assert.Equal(5, stored.Version);
        Assert.Equal(
            [(why1, "Wesley's answer"), (why2, "Ana's answer")],
            stored.WhyAnswers.Select(a => (a.WhyId, a.Text)).OrderBy(a => a.WhyId));
    }

    [Fact]
    public async Task ManyWritersOnDifferentPostmortems_AllLand()
    {
        var ids = new List<PostmortemId>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await StartAsync(title: $"Postmortem {i}"));
        }

        var service = Service;
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, 5).Select(n =>
            Task.Run(() => service.ExecuteAsync(id, new AskWhy(null, $"Why {n}?"), Wesley))))).WaitAsync(TimeSpan.FromSeconds(60));

        var reopened = await ReopenAsync();
        foreach (var id in ids)
        {
            var stored = (await reopened.Postmortems.GetAsync(id))!;
            Assert.Equal(6, stored.Version);
            Assert.Equal(5, stored.Whys.Count);
        }
    }

    /// <summary>Holds the first <c>writers</c> loads until all of them loaded, forcing a lost-update race; counts conflicts.</summary>
    private sealed class LoadTogetherRepository(IPostmortemRepository inner, int writers) : IPostmortemRepository
    {
        private readonly TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _loads;
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task<Core.Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default)
        {
            var postmortem = await inner.GetAsync(id, cancellationToken);
            var load = Interlocked.Increment(ref _loads);
            if (load == writers)
            {
                _allLoaded.SetResult();
            }

            if (load <= writers)
            {
                await _allLoaded.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return postmortem;
        }

        public async Task SaveAsync(PostmortemSave save, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SaveAsync(save, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(draft, cancellationToken);

        public Task<IReadOnlyList<PostmortemSummary>> ListAsync(string guildId, string? search = null, int limit = 25, CancellationToken cancellationToken = default) =>
            inner.ListAsync(guildId, search, limit, cancellationToken);

        public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
            inner.FindByThreadAsync(threadId, cancellationToken);
    }
}
