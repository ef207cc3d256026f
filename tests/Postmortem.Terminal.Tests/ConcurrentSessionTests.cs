using Postmortem.Core.Sections;

namespace Postmortem.Terminal.Tests;

/// <summary>Two people in two terminals on the same postmortem: nothing either of them wrote is lost.</summary>
public sealed class ConcurrentSessionTests : IDisposable
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(10);
    private readonly TerminalHarness _harness = new();

    [Fact]
    public async Task AnswerSaved_WhileSomeoneElseWasStillTyping_KeepsBothTexts()
    {
        await _harness.RunAsync("new \"Login outage\"\nanswer summary First draft.\n");
        var alice = new GatedReader();
        alice.Feed("open 1\nanswer summary\n");
        var aliceSession = _harness.RunAsync(alice, user: "alice");
        // Alice has started her answer (the session waits for her third line) when Bob saves his.
        await alice.WaitForReadAsync(3).WaitAsync(_bound);

        var bob = await _harness.RunAsync("open 1\nanswer summary Bob's rewrite of the summary.\n", user: "bob");
        alice.Feed("Alice's rewrite of the summary.\n.\n");
        alice.Complete();
        var aliceRun = await aliceSession.WaitAsync(_bound);

        Assert.Empty(bob.Errors);
        Assert.Contains("conflict: bob saved a newer version while you were editing. Your text was kept; please merge the two and save again.", aliceRun.Lines);
        Assert.Contains("  Current text (revision 2 by bob):", aliceRun.Lines);
        Assert.Contains("    Bob's rewrite of the summary.", aliceRun.Lines);
        Assert.Contains("    Alice's rewrite of the summary.", aliceRun.Lines);

        var stored = await _harness.LoadAsync(1);
        Assert.Equal("Bob's rewrite of the summary.", stored.CurrentText("summary"));
        var kept = Assert.Single(stored.UnmergedEdits);
        Assert.Equal((EditTarget.Section("summary"), "Alice's rewrite of the summary.", "alice"), (kept.Target, kept.Text, kept.Author.DisplayName));
    }

    public void Dispose() => _harness.Dispose();
}
