using System.Text;
using Postmortem.Core.Postmortems;
using Postmortem.Testing;

namespace Postmortem.Terminal.Tests;

/// <summary>The terminal's part in the document: references, finalizing knowingly, short-term dates, safe exports.</summary>
public sealed class DocumentTests : IDisposable
{
    private const string Setup = BadInputTests.Setup;

    private readonly TerminalHarness _harness = new();

    [Fact]
    public async Task References_AreAddedEditedRemoved_AndExported()
    {
        var run = await _harness.RunAsync(Setup + """

            reference add https://github.com/rust-lang/rust/issues/84970 Issue #84970: incremental ICE
            reference add https://example.org/pr/1 Pull request
            reference edit #2 https://github.com/rust-lang/rust/pull/85153 Disable incremental compilation
            reference add https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html Announcing Rust 1.52.1
            reference remove #3
            references
            export out/refs.md
            """);

        Assert.Empty(run.Errors);
        Assert.Contains("ok: Added reference #1.", run.Lines);
        Assert.Contains("ok: Changed reference #2.", run.Lines);
        Assert.Contains("ok: Removed reference #3.", run.Lines);
        Assert.Contains("  #1   Issue #84970: incremental ICE", run.Lines);
        Assert.Contains("       https://github.com/rust-lang/rust/pull/85153", run.Lines);
        var references = ExportedDocument.Parse(await File.ReadAllTextAsync(_harness.PathFor("out/refs.md"))).Section("References");
        Assert.Equal(
            [("Issue #84970: incremental ICE", "https://github.com/rust-lang/rust/issues/84970"),
             ("Disable incremental compilation", "https://github.com/rust-lang/rust/pull/85153")],
            references.Links);
        Assert.Equal(2, (await _harness.LoadAsync(1)).References.Count);
    }

    [Fact]
    public async Task Finalize_WithOpenFindings_ListsThemAndNeedsForce_ThenExportsThemAsKnownGaps()
    {
        await _harness.RunAsync(Setup);

        var refused = await _harness.RunAsync("open 1\nfinalize\n");

        Assert.Contains(refused.Lines, l => l.Contains("[lessons 1a] Corrective action 1a has no action item.", StringComparison.Ordinal));
        Assert.Single(refused.Errors);
        Assert.Equal(PostmortemStatus.Draft, (await _harness.LoadAsync(1)).Status);

        var forced = await _harness.RunAsync("open 1\nfinalize --force\nexport final.md\n");

        Assert.Empty(forced.Errors);
        Assert.Contains("ok: The postmortem is final and read-only now.", forced.Lines);
        Assert.Contains(forced.Lines, l => l.StartsWith("note: ", StringComparison.Ordinal) && l.EndsWith("stay in the export as known gaps.", StringComparison.Ordinal));
        // The next prompt follows the status: nothing about submitting any more.
        Assert.Contains("Next - Final", forced.Lines);
        Assert.DoesNotContain(forced.Lines, l => l.Contains("submit", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(PostmortemStatus.Final, (await _harness.LoadAsync(1)).Status);
        var document = ExportedDocument.Parse(await File.ReadAllTextAsync(_harness.PathFor("final.md")));
        Assert.Equal("Known gaps", document.SectionTitles[^1]);
        Assert.Contains("Corrective action 1a has no action item.", document.Section("Known gaps").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionItem_DueMoreThan90DaysOut_IsWarnedAboutWhenEntered()
    {
        // The harness's clock reads 2026-05-10; the postmortem starts then, so the horizon is 2026-08-08.
        var run = await _harness.RunAsync(Setup + """

            action add-item 1a Roll out in stages --owner bob --due 2026-09-30
            action add-item 1a Write the runbook --owner bob --due 2026-06-01
            action edit 1a-ii Write the runbook --due 2026-12-01
            """);

        Assert.Empty(run.Errors);
        var warnings = run.Lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("warning: Action item 1a-i is due 2026-09-30, more than 90 days after the postmortem started (by 2026-08-08).", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("warning: Action item 1a-ii is due 2026-12-01", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfTextWhoseLabelCutWouldSplitAnEmoji_WritesTheWholeFile()
    {
        // Asked from 1a it is why 1.1: the old 80-character label "1.1. Why xxx…" was cut inside the first emoji.
        var question = "Why " + new string('x', 69) + string.Concat(Enumerable.Repeat("😀", 60));
        var run = await _harness.RunAsync(Setup + $"\nwhy ask 1a {question}\nexport emoji.md\n");

        Assert.Empty(run.Errors);
        var bytes = await File.ReadAllBytesAsync(_harness.PathFor("emoji.md"));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var markdown = strict.GetString(bytes);
        Assert.Contains(question, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', markdown);
    }

    [Fact]
    public async Task Export_ThatCannotBeWritten_LeavesNoFileBehind()
    {
        Directory.CreateDirectory(_harness.PathFor("taken.md"));

        var run = await _harness.RunAsync(Setup + "\nexport taken.md\n");

        Assert.StartsWith("error: Could not write taken.md", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_harness.PathFor(""), "*.tmp"));
        Assert.Empty(Directory.GetFiles(_harness.PathFor("taken.md")));
    }

    public void Dispose() => _harness.Dispose();
}
