namespace Postmortem.Terminal.Tests;

/// <summary>Bad input gets one clear message, changes nothing, and the session carries on.</summary>
public sealed class BadInputTests : IDisposable
{
    /// <summary>A small draft with a root cause, a lesson and a corrective action without an action item.</summary>
    internal const string Setup = """
        new "Cache outage"
        answer summary The cache was unavailable for an hour.
        timeline add 2026-05-06 09:00 start Cache nodes restarted
        why ask Why did the cache restart?
        why answer 1 A configuration push restarted every node at once.
        why root 1a
        lesson add Configuration pushes need a staged rollout --from 1a
        action add-corrective 1 Stage configuration pushes
        """;

    private readonly TerminalHarness _harness = new();

    public static TheoryData<string, string> Cases => new()
    {
        { "frobnicate the cache", "Unknown command \"frobnicate\". Type help to see the commands." },
        { "why frobnicate 1", "Unknown command \"why frobnicate\". Did you mean why answer, why ask, why edit, why retract, why root, why unroot?" },
        { "timeline add 2026-13-45 10:00 start Oops", "\"2026-13-45 10:00\" is not a time;" },
        { "timeline add 2026-05-06 9:30 start Oops", "\"2026-05-06 9:30\" is not a time;" },
        { "timeline add yesterday start Oops", "\"yesterday\" is not a time;" },
        { "timeline add 2026-05-06 10:00 begin Oops", "\"begin\" is not a kind of timeline entry; use start, end, detected, mitigated, resolved or note." },
        { "timeline remove #9", "Timeline entry #9 does not exist" },
        { "why answer 9.9 Because.", "Why 9.9 does not exist (type whys to see the tree)." },
        { "why answer 1.x Because.", "\"1.x\" is not a why number;" },
        { "why root 7z", "Answer 7z does not exist (type whys to see the tree)." },
        { "why ask 3a Why then?", "Answer 3a does not exist" },
        { "why ask 1 Why then?", "Follow-up whys are asked from an answer, e.g. why ask 1a <question> (answers of why 1: 1a)." },
        { "answer summary " + new string('x', 4001), "The answer is 4001 characters long; the limit is 4000." },
        { "title " + new string('t', 101), "The title is 101 characters long; the limit is 100." },
        { "answer summary \u200B\u200B", "The answer cannot be empty: it has only spaces or invisible characters" },
        { "title \uFEFF", "The title cannot be empty: it has only spaces or invisible characters" },
        { "why ask \u200B", "The question cannot be empty: it has only spaces or invisible characters" },
        { "why answer 1 \u2060", "The answer cannot be empty: it has only spaces or invisible characters" },
        { "answer nosuch Some text", "There is no section \"nosuch\"." },
        { "answer timeline The cache restarted.", "Timeline is not answered with text; use timeline add <time> <kind> <text>." },
        { "lesson add Learn more --from 1b", "Answer 1b does not exist" },
        { "lesson add Learn more --form 1a", "Unknown option --form (this command knows --from)." },
        { "action add-item 9z Step --owner bob --due 2026-06-01", "Corrective action 9z does not exist" },
        { "action add-item 1a Step --owner bob --due 2026-02-30", "\"2026-02-30\" is not a date; use YYYY-MM-DD" },
        { "action add-item 1a Step --owner bob --due 2026-01-02", "The due date 2026-01-02 is in the past." },
        { "action add-item 1a Step --owner", "The option --owner needs a value." },
        { "action done 1a-iv", "Action item 1a-iv does not exist" },
        { "new \"Unclosed title", "A quote is not closed." },
        { "open 99", "Postmortem #99 does not exist here (type list to see them)." },
        { "export", "Usage: export [--no-names] [--no-pictures] <file.md>" },
        { "metric image not-a-link A graph", "\"not-a-link\" is not an http(s) link." },
        { "reference add javascript:alert(1) Exploit", "\"javascript:alert(1)\" is not an http(s) link." },
        { "reference add https://github.com/rust-lang/rust/issues/84970", "Usage: reference add <http(s) link> <title>" },
        { "reference edit #4 https://example.org Title", "Reference #4 does not exist." },
        { "reference remove x", "Usage: reference remove <#n>" },
        { "finalize", "9 findings are still open; nothing changed. Settle them, or finalize anyway with: finalize --force" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadCommand_GetsAClearMessage_AndChangesNothing(string command, string message)
    {
        var setup = await _harness.RunAsync(Setup);
        Assert.Empty(setup.Errors);
        var before = await _harness.SnapshotAsync(1);

        var run = await _harness.RunAsync($"open 1\n{command}\nshow\n");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("error: " + message, error, StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("#1 Cache outage", StringComparison.Ordinal));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(before, await _harness.SnapshotAsync(1));
    }

    [Fact]
    public async Task Commands_BeforeAnyPostmortemIsOpen_SayHowToStartOne()
    {
        var run = await _harness.RunAsync("answer summary Text\nwhys\n");

        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("error: No postmortem is open. Start one with: new <title>, or resume one with: list, then open <id>.", e));
    }

    [Fact]
    public async Task TextBlock_AfterACommandThatFailed_IsSkippedAndNeverRunAsCommands()
    {
        await _harness.RunAsync(Setup);

        var run = await _harness.RunAsync("""
            open 1
            answer nosuch
            new "This line is part of the text, not a command"
            .
            list
            """);

        Assert.Single(run.Errors);
        Assert.Contains("note: The text block that followed this command was skipped.", run.Lines);
        Assert.DoesNotContain(run.Lines, l => l.Contains("#2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnclosedTextBlock_AtTheEndOfTheInput_SavesNothing()
    {
        await _harness.RunAsync(Setup);
        var before = await _harness.SnapshotAsync(1);

        var run = await _harness.RunAsync("open 1\nanswer leadup\nA change shipped without review.\n");

        Assert.Equal(
            ["error: The input ended before the line with a single \".\" that closes the text; nothing was saved."],
            run.Errors);
        Assert.Equal(before, await _harness.SnapshotAsync(1));
    }

    [Fact]
    public async Task Strict_ExitsWithOne_WhenACommandFailed()
    {
        var lenient = await _harness.RunAsync("frobnicate\nlist\n");
        var strict = await _harness.RunAsync("frobnicate\nlist\n", strict: true);
        var strictClean = await _harness.RunAsync("list\n", strict: true);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(0, strictClean.ExitCode);
        Assert.Contains("pm> list", strict.Lines);
    }

    public void Dispose() => _harness.Dispose();
}
