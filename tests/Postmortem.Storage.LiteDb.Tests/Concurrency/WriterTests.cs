using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Storage.LiteDb.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.Storage.LiteDb.Tests.Concurrency;

/// <summary>Writers at once through the one engine thread, then a real restart of the file.</summary>
public sealed class WriterTests : IDisposable
{
    private static readonly UserRef _felix = new("100000000000000001", "Felix");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 5, 10, 9, 0, 0, TimeSpan.Zero));
    private TestLiteDb _db = TestLiteDb.Create();

    [Fact]
    public async Task TwoWritersSavingTheSameVersion_OneGetsTheConflict_AndTheOtherSurvivesARestart()
    {
        var service = new PostmortemService(_db.Ports.Postmortems, _clock);
        var id = (await service.StartAsync("guild-1", "channel-1", "Outage", _felix)).Postmortem!.Id;
        var first = (await _db.Ports.Postmortems.GetAsync(id))!;
        var second = (await _db.Connect().Postmortems.GetAsync(id))!;
        first.Apply(new AnswerSection("summary", "First writer."), _felix, _clock.GetUtcNow());
        second.Apply(new AnswerSection("summary", "Second writer."), _felix, _clock.GetUtcNow());

        var saves = await Task.WhenAll(
            Outcome(_db.Ports.Postmortems.SaveAsync(first, first.Version)),
            Outcome(_db.Connect().Postmortems.SaveAsync(second, second.Version)));

        Assert.Equal(1, saves.Count(s => s is null));
        Assert.IsType<ConcurrencyException>(Assert.Single(saves, s => s is not null));
        _db = _db.Restart();
        var stored = (await _db.Ports.Postmortems.GetAsync(id))!;
        Assert.Equal(2, stored.Version);
        Assert.Contains(stored.CurrentText("summary"), new[] { "First writer.", "Second writer." });
    }

    [Fact]
    public async Task ManyWritersOnDifferentPostmortems_AllLand_AndSurviveARestart()
    {
        const int postmortems = 20;
        const int answersEach = 10;
        var service = new PostmortemService(_db.Ports.Postmortems, _clock);
        var ids = new List<PostmortemId>();
        for (var n = 0; n < postmortems; n++)
        {
            ids.Add((await service.StartAsync("guild-1", "channel-1", $"Outage {n}", _felix)).Postmortem!.Id);
        }

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            for (var n = 0; n < answersEach; n++)
            {
                var outcome = await service.ExecuteAsync(id, new AskWhy(null, $"Why {n}?"), _felix);
                Assert.True(outcome.Succeeded, outcome.Result.Message);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(120));

        _db = _db.Restart();
        foreach (var id in ids)
        {
            var stored = (await _db.Ports.Postmortems.GetAsync(id))!;
            Assert.Equal((answersEach, 1L + answersEach), (stored.Whys.Count, stored.Version));
        }
    }

    public void Dispose() => _db.Dispose();

    private static async Task<Exception?> Outcome(Task save)
    {
        try
        {
            await save;
            return null;
        }
        catch (ConcurrencyException exception)
        {
            return exception;
        }
    }
}
