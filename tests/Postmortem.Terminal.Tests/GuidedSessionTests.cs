namespace Postmortem.Terminal.Tests;

/// <summary>The facilitator's prompts, text blocks, nudges and time zones as a person sees them.</summary>
public sealed class GuidedSessionTests : IDisposable
{
    private TerminalHarness _harness = new();

    [Fact]
    public async Task AfterEachStep_TheNextPromptIsShown_AndAnswerWithoutASectionAnswersIt()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            answer
            Logins failed for 40 minutes.
            .
            next
            """);

        Assert.Empty(run.Errors);
        Assert.Contains("Next - Summary", run.Lines);
        Assert.Contains("  > answer summary   (then the text, ending with a line holding only \".\")", run.Lines);
        Assert.Contains("ok: Saved Summary (revision 1).", run.Lines);
        Assert.Equal(2, run.Lines.Count(l => l == "Next - Metrics/Graphs"));
        Assert.Contains("  (At least one graph or table illustrating the impact of the event.)", run.Lines);
        Assert.Equal("Logins failed for 40 minutes.", (await _harness.LoadAsync(1)).CurrentText("summary"));
    }

    [Fact]
    public async Task TextBlock_KeepsParagraphs_AndADoubledDotIsALiteralDot()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            answer summary
            First paragraph.

            Second paragraph.
            ..
            .
            """);

        Assert.Empty(run.Errors);
        Assert.Equal("First paragraph.\n\nSecond paragraph.\n.", (await _harness.LoadAsync(1)).CurrentText("summary"));
    }

    [Fact]
    public async Task AnsweringAgain_MakesANewRevision_AndTooManyParagraphsGetANote()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            answer summary One.
            answer summary
            One.

            Two.

            Three.

            Four.
            .
            answer summary One.
            answer summary One.
            """);

        Assert.Empty(run.Errors);
        Assert.Contains("ok: Saved Summary (revision 2).", run.Lines);
        Assert.Contains("note: Summary has 4 paragraphs; the template asks for at most 3.", run.Lines);
        Assert.Contains("ok: Saved Summary (revision 3).", run.Lines);
        Assert.Contains("ok: Summary is unchanged (revision 3).", run.Lines);
        Assert.Equal([1, 2, 3], (await _harness.LoadAsync(1)).FindSection("summary")!.Revisions.Select(r => r.Number));
    }

    [Fact]
    public async Task BlamingText_IsSavedWithANudge()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            answer summary The outage happened because the on-call engineer was careless.
            """);

        Assert.Empty(run.Errors);
        Assert.Contains(run.Lines, l => l.StartsWith("nudge: \"careless\":", StringComparison.Ordinal));
        Assert.Contains("careless", (await _harness.LoadAsync(1)).CurrentText("summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowerCaseNameOfATerminalUser_AsTheAgentOfAFailure_IsNudgedWithARewording()
    {
        // bob's session makes him a participant; alice then writes his name in lower case.
        await _harness.RunAsync("""
            new "Login outage"
            """, user: "Bob");
        var run = await _harness.RunAsync("""
            open 1
            answer summary Logins failed for an hour because bob skipped the dry run on staging.
            answer leadup Logins failed because zed skipped the dry run.
            """);

        Assert.Empty(run.Errors);
        Assert.Contains(run.Lines, l => l.StartsWith("nudge: \"bob skipped\": From who to what: \"The dry run was not a required step on staging", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Contains("zed skipped", StringComparison.Ordinal) && l.StartsWith("nudge:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActionItemNamingItsOwner_IsNotNudged()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            lesson add Nothing checked the staging dry run.
            action add-corrective 1 Make the dry run a required release step.
            action add-item 1a bob to add the dry run to the release pipeline --owner bob --due 2026-06-01
            lesson add The release slipped because bob skipped the dry run.
            """);

        Assert.Empty(run.Errors);
        Assert.Contains(run.Lines, l => l.StartsWith("ok: Added action item 1a-i", StringComparison.Ordinal));
        Assert.Single(run.Lines, l => l.StartsWith("nudge:", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("nudge: \"bob skipped\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuestionsCanBeNamedByTheirShortKey_AndSkippedForNow()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            answer detection An alert on the login error rate fired.
            skip user-impact Waiting for support numbers
            show incident-response
            show
            """);

        Assert.Empty(run.Errors);
        var postmortem = await _harness.LoadAsync(1);
        Assert.Equal("An alert on the login error rate fired.", postmortem.CurrentText("incident-response.detection"));
        Assert.True(postmortem.FindSection("user-impact")!.Skipped);
        Assert.Contains("Detection [incident-response.detection]", run.Lines);
        Assert.Contains(run.Lines, l => l.Contains("User Impact", StringComparison.Ordinal) && l.EndsWith("skipped (Waiting for support numbers)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Incident Response", StringComparison.Ordinal) && l.EndsWith("1 of 4 questions answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Times_AreTypedAndShownInTheConfiguredZone_AndStoredAsUtc()
    {
        _harness.Dispose();
        _harness = new TerminalHarness("Europe/Berlin");

        var run = await _harness.RunAsync("""
            new "Login outage" --started "2026-05-06 10:45"
            timeline add 2026-05-06 11:00 start Deploy of the login service
            timeline add 2026-05-06T09:30Z detected Error-rate alert
            timeline add 2026-05-06T12:15+02:00 mitigated Rolled back
            timeline
            """);

        Assert.Empty(run.Errors);
        var postmortem = await _harness.LoadAsync(1);
        Assert.Equal(
            [
                new DateTimeOffset(2026, 5, 6, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 5, 6, 9, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 5, 6, 10, 15, 0, TimeSpan.Zero),
            ],
            postmortem.TimelineInOrder.Select(e => e.At));
        Assert.All(postmortem.TimelineInOrder, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 8, 45, 0, TimeSpan.Zero), postmortem.IncidentStartedAt);
        Assert.Contains("Timeline (times in Europe/Berlin)", run.Lines);
        Assert.Contains("  #1   2026-05-06 11:00  start      Deploy of the login service", run.Lines);
        Assert.Contains("  #2   2026-05-06 11:30  detected   Error-rate alert", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("  Time to detect, from the event start: ", StringComparison.Ordinal) && l.EndsWith(" 30 minutes", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("  Time to mitigate, from detection: ", StringComparison.Ordinal) && l.EndsWith(" 45 minutes", StringComparison.Ordinal));
        Assert.Contains("ok: Added timeline entry #1: 2026-05-06 11:00 Europe/Berlin, start.", run.Lines);
    }

    [Fact]
    public async Task PipedOutput_HasNoAnsiEscapes_AndEchoesTheCommands()
    {
        var run = await _harness.RunAsync("new \"Login outage\"\nhelp why\nfrobnicate\n");

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Contains("pm> new \"Login outage\"", run.Lines);
        Assert.Contains("pm#1> help why", run.Lines);
        Assert.Contains("  why ask [<answer, e.g. 1.2a>] <question>", run.Lines);
        Assert.DoesNotContain("  lint", run.Lines);
    }

    [Fact]
    public async Task WhysView_ListsUnansweredWhysFirst_AndMarksRootCauses()
    {
        var run = await _harness.RunAsync("""
            new "Login outage"
            why ask Why did logins fail?
            why answer 1 The session store was full.
            why answer 1 Retries doubled the load.
            why ask 1a Why was the store full?
            why ask 1b Why did clients retry so fast?
            why answer 1.2 The retry policy has no backoff.
            why root 1.2a
            why retract 1.1
            why ask Why did the alert fire late?
            whys
            """);

        Assert.Empty(run.Errors);
        var view = run.Lines.SkipWhile(l => l != "pm#1> whys").Skip(1).ToList();
        Assert.Equal(
            [
                "Five Whys",
                "  Unanswered: 2",
                "  Root causes: 1.2a",
                "  Why 1: Why did logins fail?",
                "    1a: The session store was full.",
                "    1b: Retries doubled the load.",
                "      Why 1.2: Why did clients retry so fast?",
                "        1.2a: The retry policy has no backoff.  [ROOT CAUSE]",
                "  Why 2: Why did the alert fire late?",
                "    (no answer yet: why answer 2 <answer>)",
            ],
            view.Take(10));
    }

    public void Dispose() => _harness.Dispose();
}
