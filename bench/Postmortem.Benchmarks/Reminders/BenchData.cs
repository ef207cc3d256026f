using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.Chat;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Postmortems;

namespace Postmortem.Benchmarks.Reminders;

/// <summary>Fills a database the way the bot would: postmortems built through the aggregate, stored by the repository.</summary>
internal static class BenchData
{
    private const int ItemsPerPostmortem = 50;

    /// <summary>
    /// <paramref name="items"/> open items with owners; the first <paramref name="burst"/> are due on
    /// <paramref name="today"/>, the rest spread over the following 60 days.
    /// </summary>
    public static async Task SeedAsync(
        LiteDbDatabase database, string guildId, string channelId, IReadOnlyList<string> owners, int items, int burst, DateOnly today, TimeProvider time)
    {
        var repository = new LiteDbPostmortemRepository(database);
        var facilitator = new UserRef(owners[0], "Facilitator");
        var created = 0;
        while (created < items)
        {
            var now = time.GetUtcNow();
            var postmortem = Core.Postmortem.Start(guildId, channelId, $"Incident {created / ItemsPerPostmortem}", facilitator, now, "rust-compiler-2021");
            var lesson = postmortem.Apply(new AddLesson("Communicate sooner after user-facing incidents", []), facilitator, now).CreatedId!.Value;
            var action = postmortem.Apply(new AddCorrectiveAction(lesson, "A playbook for user communication"), facilitator, now).CreatedId!.Value;
            for (var i = 0; i < ItemsPerPostmortem && created < items; i++, created++)
            {
                var due = created < burst ? today : today.AddDays(1 + (created % 60));
                var owner = owners[created % owners.Count];
                var result = postmortem.Apply(new AddActionItem(action, $"Action item {created}", new UserRef(owner, "Owner " + owner[^4..]), due), facilitator, now);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Message);
                }
            }

            await repository.CreateAsync(postmortem);
        }
    }

    /// <summary>Known DM channels, as after earlier reminders: each reminder is then one request.</summary>
    public static async Task SeedDmChannelsAsync(LiteDbDatabase database, IReadOnlyList<(string User, string Channel)> channels, DateTimeOffset now)
    {
        var store = new LiteDbDmChannelStore(database);
        foreach (var (userId, channelId) in channels)
        {
            await store.SaveAsync(userId, channelId, now);
        }
    }
}
