using Postmortem.Storage.Contract.Support;
using Postmortem.Storage.Tests.Support;
using Postmortem.Testing;
using static Postmortem.Storage.Contract.Support.People;

namespace Postmortem.Storage.Tests.Postmortems;

/// <summary>How SQLite stores a postmortem (its behaviour through the port is the storage contract).</summary>
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
