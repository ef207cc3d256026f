using Postmortem.Core.Actions;
using Postmortem.Core.Timeline;
using Postmortem.Testing;

namespace Postmortem.Terminal.Tests;

/// <summary>A whole postmortem piped through the terminal front end, exported, then resumed by a second session.</summary>
public sealed class ScriptedSessionTests : IDisposable
{
    // The 1.52.0 incident in miniature: every section, a branching Five Whys tree with two root causes,
    // lesson 1 -> corrective actions 1a and 1b -> action item 1a-i, then lint and export.
    private const string WholePostmortem = """
        # Comments and blank lines are ignored.
        new "Incremental compilation ICE in 1.52.0" --severity high --started "2026-05-06 09:00"
        answer summary
        Rust 1.52.0 shipped a stricter incremental-compilation fingerprint check that turned latent miscompilations into internal compiler errors.

        Incremental builds hit the error until 1.52.1 disabled incremental compilation.
        .
        metric table Fingerprint error reports per day
        | Day | Reports |
        | --- | --- |
        | Thursday | 3 |
        | Friday | 12 |
        .
        answer user-impact Developers with incremental builds saw errors and had to clean their build directories to continue.
        answer detection Issues were filed on GitHub after the stable release.
        answer mitigation-knowledge Triage linked the reports to the fingerprint check added in the release.
        timeline add 2026-05-06 09:00 start 1.52.0 released to stable
        timeline add 2026-05-06T15:00Z detected First error reports filed
        timeline add 2026-05-09 12:00 mitigated 1.52.1 released with incremental compilation disabled
        timeline add 2026-05-10 09:00 end Reports stop
        answer detection-halved Run the ecosystem test suite with incremental builds on beta.
        answer mitigation-halved A documented switch to disable incremental compilation.
        answer leadup The fingerprint check landed in nightly months earlier; beta produced few reports.
        why ask Why did the beta channel fail as a canary for 1.52.0?
        why answer 1 Two things: CI services did not hit the error, and few developers use beta.
        why ask 1a Why didn't the beta channel cause errors for CI services?
        why ask 1a Why are end developers favouring nightly or stable over beta?
        why answer 1.1 CI builds are clean builds, so incremental compilation is off there.
        why root 1.1a
        why answer 1.2 Beta offers nothing that stable lacks.
        why ask 1.2a Why not entice developers to use beta?
        why answer 1.2.1 Nobody proposed a reason to use beta.
        why root 1.2.1a
        whys
        lesson add We need beta to exercise incremental compilation --from 1.1a,1.2.1a
        action add-corrective 1 Run incremental builds on beta in CI
        action add-item 1a Survey how other toolchains test incremental builds --owner bob --due 2026-06-01
        action add-corrective 1 Add public service announcements to rustup
        lint
        export out/postmortem.md
        """;

    private readonly TerminalHarness _harness = new();

    [Fact]
    public async Task WholePostmortem_PipedThroughTheTerminal_IsStoredAndExportedInTemplateOrder()
    {
        var run = await _harness.RunAsync(WholePostmortem);

        Assert.Empty(run.Errors);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok: Started postmortem #1 \"Incremental compilation ICE in 1.52.0\"; you are its facilitator.", run.Lines);
        Assert.Contains("ok: Asked why 1.2.", run.Lines);
        Assert.Contains("ok: Added action item 1a-i (owner bob, due 2026-06-01, open).", run.Lines);
        // The halving question quotes the real figure once the timeline has it.
        Assert.Contains("  Detection took 6 hours; what would have cut it to 3 hours?", run.Lines);
        // lint names exactly the corrective action without an action item.
        Assert.Contains(run.Lines, l => l.Contains("[lessons 1b] Corrective action 1b has no action item.", StringComparison.Ordinal));

        var markdown = await File.ReadAllTextAsync(_harness.PathFor("out/postmortem.md"));
        var document = ExportedDocument.Parse(markdown);
        Assert.Equal(
            [
                "Summary", "Metrics/Graphs", "User Impact", "Incident Response", "Timeline", "Leadup",
                "Five Whys", "Lessons Learned, Corrective Actions, Action Items", "References", "Open findings",
            ],
            document.SectionTitles);
        Assert.Equal(0, document.HtmlBlocks);
        Assert.StartsWith("# Incremental compilation ICE in 1.52.0\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Thursday | 3 |", markdown, StringComparison.Ordinal);
        Assert.Contains("**Detection took 6 hours; what would have cut it to 3 hours?**", markdown, StringComparison.Ordinal);

        string[] timelineRows =
        [
            "| Time (UTC) | Kind | What happened |",
            "| --- | --- | --- |",
            "| 2026-05-06 09:00 | Event start | 1.52.0 released to stable |",
            "| 2026-05-06 15:00 | Detected | First error reports filed |",
            "| 2026-05-09 12:00 | Mitigated | 1.52.1 released with incremental compilation disabled |",
            "| 2026-05-10 09:00 | Event end | Reports stop |",
        ];
        Assert.Contains(string.Join('\n', timelineRows), markdown, StringComparison.Ordinal);
        Assert.Contains("- **Time to mitigate, from detection:** 2 days 21 hours", markdown, StringComparison.Ordinal);

        Assert.Contains("- **Why 1:** Why did the beta channel fail as a canary for 1.52.0? → **1a:** Two things: CI services did not hit the error, and few developers use beta.", markdown, StringComparison.Ordinal);
        Assert.Contains("    - **Why 1.2.1:** Why not entice developers to use beta? → **1.2.1a (root cause):** Nobody proposed a reason to use beta.", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart TD", markdown, StringComparison.Ordinal);
        Assert.Contains("### Lesson 1: We need beta to exercise incremental compilation", markdown, StringComparison.Ordinal);
        Assert.Contains("* **1.1a:** CI builds are clean builds, so incremental compilation is off there.", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "  - **Action item 1a-i:** Survey how other toolchains test incremental builds (owner: bob; due 2026-06-01; open)",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("- **Corrective action 1b:** Add public service announcements to rustup\n  - _No action item yet._", markdown, StringComparison.Ordinal);
        Assert.Contains("**Outcomes:** 4 Whys + answers, 1 Lesson Learned, 2 Corrective Actions, 1 Action Item.", markdown, StringComparison.Ordinal);
        Assert.Contains("`corrective-action-without-action-item` 1b", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSession_OpensTheStoredPostmortemAndContinuesIt()
    {
        await _harness.RunAsync(WholePostmortem);

        var second = await _harness.RunAsync(
            """
            list
            open 1
            action add-item 1b Draft a design for rustup announcements --owner carol --due 2026-06-15
            lint
            export --no-names out/public.md
            """,
            user: "bob");

        Assert.Empty(second.Errors);
        Assert.Contains(second.Lines, l => l.Contains("#1", StringComparison.Ordinal) && l.Contains("Incremental compilation ICE in 1.52.0", StringComparison.Ordinal));
        Assert.Contains(second.Lines, l => l.Contains("8. Lessons Learned, Corrective Actions, Action Items", StringComparison.Ordinal)
            && l.EndsWith("1 lesson, 2 corrective actions, 1 action item", StringComparison.Ordinal));
        Assert.Contains("ok: Added action item 1b-i (owner carol, due 2026-06-15, open).", second.Lines);
        Assert.DoesNotContain(second.Lines, l => l.Contains("Corrective action 1b has no action item", StringComparison.Ordinal));

        var stored = await _harness.LoadAsync(1);
        var item = Assert.Single(stored.ActionItems, i => i.Label == "1b-i");
        Assert.Equal("carol", item.Owner?.DisplayName);
        Assert.Equal(new DateOnly(2026, 6, 15), item.Due);
        Assert.Equal(ActionItemStatus.Open, item.Status);
        Assert.Equal(["alice", "bob"], stored.Participants.Select(p => p.DisplayName));
        Assert.Equal(4, stored.Timeline.Count);
        Assert.Equal(TimelineEntryKind.EventStart, stored.TimelineInOrder[0].Kind);

        var published = await File.ReadAllTextAsync(_harness.PathFor("out/public.md"));
        Assert.DoesNotContain("**Facilitator:**", published, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", published, StringComparison.Ordinal);
        Assert.Contains("(owner assigned; due 2026-06-15; open)", published, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
