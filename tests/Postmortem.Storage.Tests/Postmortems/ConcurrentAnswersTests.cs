using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Tests.Support.People;

namespace Postmortem.Storage.Tests.Postmortems;

public sealed class ConcurrentAnswersTests : IAsyncLifetime
{
    private static readonly TimeSpan _generous = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TwoPeopleAnsweringDifferentWhysAtOnce_BothAnswersLand()
    {
        var setup = _db.Service(_clock);
        var id = (await setup.StartAsync("guild-1", "channel-1", "Title", Felix)).Postmortem!.Id;
        var why1 = (await setup.ExecuteAsync(id, new AskWhy(null, "Why one?"), Felix)).Result.CreatedId!.Value;
        var why2 = (await setup.ExecuteAsync(id, new AskWhy(null, "Why two?"), Felix)).Result.CreatedId!.Value;
        // Both writers load version 3 before either saves, so one of the real UPDATEs must lose.
        var repository = new LoadTogetherRepository(_db.Repository, writers: 2);
        var service = new PostmortemService(repository, _clock);

        var answers = await Task.WhenAll(
            Task.Run(() => service.ExecuteAsync(id, new AnswerWhy(why1, "Wesley's answer"), Wesley)),
            Task.Run(() => service.ExecuteAsync(id, new AnswerWhy(why2, "Ana's answer"), Ana))).WaitAsync(_generous);

        Assert.All(answers, a => Assert.True(a.Succeeded, a.Result.Message));
        Assert.Equal(1, repository.Conflicts);
        var stored = (await _db.Repository.GetAsync(id))!;
        Assert.Equal(5, stored.Version);
        Assert.Equal(
            [(why1, "Wesley's answer"), (why2, "Ana's answer")],
            stored.WhyAnswers.Select(a => (a.WhyId, a.Text)).OrderBy(a => a.WhyId));
        Assert.Equal([Felix, Wesley, Ana], stored.Participants.OrderBy(p => p.Id));
    }

    /// <summary>
    /// Passes everything to the real repository, but holds the first <c>writers</c> loads until all of them have
    /// loaded, forcing the lost-update race the service must survive. Counts the real store's conflicts.
    /// </summary>
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
                await _allLoaded.Task.WaitAsync(_generous, cancellationToken);
            }

            return postmortem;
        }

        public async Task SaveAsync(Core.Postmortem postmortem, long expectedVersion, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SaveAsync(postmortem, expectedVersion, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task<PostmortemId> CreateAsync(Core.Postmortem draft, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(draft, cancellationToken);

        public Task<IReadOnlyList<PostmortemSummary>> ListAsync(
            string guildId,
            string? search = null,
            int limit = 25,
            CancellationToken cancellationToken = default) =>
            inner.ListAsync(guildId, search, limit, cancellationToken);

        public Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
            inner.FindByThreadAsync(threadId, cancellationToken);
    }
}
