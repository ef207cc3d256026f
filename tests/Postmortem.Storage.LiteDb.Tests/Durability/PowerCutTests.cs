using System.Globalization;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Tests.Support;
using Postmortem.Testing;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.LiteDb.Tests.Durability;

/// <summary>
/// Power cuts during saves and checkpoints, on a simulated disk under the adapter's durable streams (see
/// <see cref="SimulatedDisk"/>): the machine dies at a random write, keeps only what was fsynced plus a random
/// subset of the unsynced writes and maybe a torn sector-aligned prefix of the interrupted one. After each cut the
/// file must open, every save that returned must be there, and every postmortem must be exactly one version a
/// save wrote: its items in order, its action-item projection equal to what that version projects.
/// </summary>
public sealed class PowerCutTests
{
    private const int Runs = 300;
    private const int Steps = 40;
    private static readonly UserRef _owner = new("100000000000000002", "Wesley");
    private static readonly DateOnly _due = new(2021, 6, 1);

    [Fact]
    public async Task PowerCutAtAnyWrite_LosesNoAcknowledgedSave_AndLeavesNoHalfWrittenPostmortem()
    {
        var writesOfACompleteRun = (await RunWorkloadAsync(new SimulatedDisk(int.MaxValue))).Disk.Writes;
        Assert.True(writesOfACompleteRun > Steps, $"The workload wrote only {writesOfACompleteRun} times.");

        var cutsDuringTheWorkload = 0;
        for (var seed = 0; seed < Runs; seed++)
        {
            var random = new Random(seed);
            var (disk, acknowledged) = await RunWorkloadAsync(new SimulatedDisk(random.Next(1, writesOfACompleteRun + 1)));
            cutsDuringTheWorkload += disk.PoweredOff ? 1 : 0;
            var rebooted = disk.AfterPowerCut(random);
            await VerifyAsync(rebooted, acknowledged, $"seed {seed} (cut at write {disk.CutAtWrite} of {writesOfACompleteRun})");
        }

        Assert.True(cutsDuringTheWorkload > Runs / 2, $"Only {cutsDuringTheWorkload} of {Runs} runs were cut mid-workload.");
    }

    [Fact]
    public async Task ACommittedSave_IsOnStableStorage_BeforeItsTaskCompletes()
    {
        // Every acknowledged save of a complete run, with every unsynced write thrown away.
        var (disk, acknowledged) = await RunWorkloadAsync(new SimulatedDisk(int.MaxValue));
        var rebooted = disk.AfterPowerCut(new DropEverythingUnsynced());

        await VerifyAsync(rebooted, acknowledged, "no unsynced write kept");
        Assert.Equal(Steps, acknowledged.Values.Sum());
    }

    /// <summary>
    /// Creates postmortems (each with a lesson and a corrective action) and adds action items to them one save at a
    /// time, checkpointing every few saves, until the disk loses power. Returns how many items each postmortem had
    /// when its last acknowledged save returned.
    /// </summary>
    private static async Task<(SimulatedDisk Disk, Dictionary<PostmortemId, int> Acknowledged)> RunWorkloadAsync(SimulatedDisk disk)
    {
        var acknowledged = new Dictionary<PostmortemId, int>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 5, 10, 9, 0, 0, TimeSpan.Zero));
        var database = new LiteDbDatabase("simulated", () => disk.Open("data"), () => disk.Open("log"));
        try
        {
            var ports = TestLiteDb.PortsOver(database);
            var service = new PostmortemService(ports.Postmortems, clock);
            var actions = new Dictionary<PostmortemId, int>();
            for (var step = 0; step < Steps; step++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                if (step % 10 == 0)
                {
                    var draft = Core.Postmortem.Start("guild-1", "channel-1", $"Incident {step / 10}", _owner, clock.GetUtcNow(), "rust-compiler-2021");
                    var lesson = draft.Apply(new AddLesson("Talk to users sooner.", []), _owner, clock.GetUtcNow()).CreatedId!.Value;
                    var action = draft.Apply(new AddCorrectiveAction(lesson, "Write a playbook."), _owner, clock.GetUtcNow()).CreatedId!.Value;
                    var id = await ports.Postmortems.CreateAsync(draft);
                    acknowledged[id] = 0;
                    actions[id] = action;
                }

                var target = acknowledged.Keys.ElementAt(step % acknowledged.Count);
                var items = acknowledged[target] + 1;
                var outcome = await service.ExecuteAsync(target, new AddActionItem(actions[target], ItemText(items), _owner, _due.AddDays(items)), _owner);
                Assert.True(outcome.Succeeded, outcome.Result.Message);
                acknowledged[target] = items;

                if (step % 7 == 6)
                {
                    await database.CheckpointAsync();
                }
            }

            // No clean shutdown: its checkpoint would sync everything and hide a commit that was not durable.
            disk.PowerOff();
        }
        catch (StorageException) when (disk.PoweredOff)
        {
            // The power went during that save (or checkpoint): it was never acknowledged.
        }
        finally
        {
            database.Dispose();
        }

        return (disk, acknowledged);
    }

    private static async Task VerifyAsync(SimulatedDisk rebooted, Dictionary<PostmortemId, int> acknowledged, string run)
    {
        using var database = new LiteDbDatabase("rebooted", () => rebooted.Open("data"), () => rebooted.Open("log"));
        try
        {
            await database.LogSizeAsync();
        }
        catch (StorageException exception)
        {
            Assert.Fail($"{run}: the file did not open after the cut: {exception.Message}");
        }

        var ports = TestLiteDb.PortsOver(database);
        var projected = (await ports.ActionItems.ListOpenAsync("guild-1", limit: 100_000)).GroupBy(i => i.Item.PostmortemId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (id, acked) in acknowledged)
        {
            var stored = await ports.Postmortems.GetAsync(id);
            Assert.True(stored is not null, $"{run}: acknowledged postmortem {id} is missing.");
            var texts = stored.ActionItems.Select(i => i.Text).ToList();
            Assert.True(texts.Count >= acked, $"{run}: postmortem {id} has {texts.Count} items, {acked} were acknowledged.");
            Assert.True(texts.Count <= acked + 1, $"{run}: postmortem {id} has {texts.Count} items, more than the {acked} acknowledged plus one in flight.");
            Assert.Equal(Enumerable.Range(1, texts.Count).Select(ItemText), texts);
            Assert.Equal(1 + texts.Count, stored.Version);
            AssertProjectionMatches(run, stored, projected.GetValueOrDefault(id) ?? []);
        }

        // A postmortem whose creation was in flight may exist; if it does, it is whole too.
        var unacknowledged = new PostmortemId(acknowledged.Keys.Select(k => k.Value).DefaultIfEmpty(0).Max() + 1);
        if (await ports.Postmortems.GetAsync(unacknowledged) is { } created)
        {
            Assert.Empty(created.ActionItems);
            AssertProjectionMatches(run, created, projected.GetValueOrDefault(unacknowledged) ?? []);
        }

        await AssertStillWritableAsync(ports, acknowledged, run);
    }

    private static void AssertProjectionMatches(string run, Core.Postmortem stored, IReadOnlyList<OpenActionItem> projected) =>
        Assert.True(
            ActionItemProjection.RowsOf(stored).Select(r => (r.ItemId, r.Text)).SequenceEqual(projected.OrderBy(i => i.Item.ItemId).Select(i => (i.Item.ItemId, i.Item.Text))),
            $"{run}: the projection of postmortem {stored.Id} is not the one its stored version projects.");

    private static async Task AssertStillWritableAsync(StoragePorts ports, Dictionary<PostmortemId, int> acknowledged, string run)
    {
        if (acknowledged.Count == 0)
        {
            return;
        }

        var id = acknowledged.Keys.First();
        var stored = (await ports.Postmortems.GetAsync(id))!;
        stored.Apply(new AskWhy(null, "Why did the power go?"), _owner, stored.UpdatedAt.AddMinutes(1));
        await ports.Postmortems.SaveAsync(stored, stored.Version);
        Assert.True((await ports.Postmortems.GetAsync(id))!.Whys.Count == 1, $"{run}: a save after recovery did not land.");
    }

    private static string ItemText(int n) => "item " + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A "random" source that keeps none of the unsynced writes.</summary>
    private sealed class DropEverythingUnsynced : Random
    {
        public override int Next(int maxValue) => 1;

        public override int Next(int minValue, int maxValue) => minValue;
    }
}
