using Postmortem.Core.Actions;
using Postmortem.Core.Export;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Linting;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Export;

public sealed class MarkdownExporterTests
{
    private static readonly PostmortemTemplate _template = BuiltInTemplates.RustCompiler2021;
    private static readonly TimeZoneInfo _paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static string Export(Core.Postmortem pm, ExportOptions? options = null) => MarkdownExporter.Export(pm, _template, options);

    private static string[] Lines(string markdown) => markdown.Split('\n');

    [Fact]
    public void Export_WritesEverySectionInTemplateOrder()
    {
        var markdown = Export(Rust152.Build().Postmortem);

        var headings = Lines(markdown).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["## Summary", "## Metrics/Graphs", "## User Impact", "## Incident Response", "## Timeline", "## Leadup", "## Five Whys",
             "## Lessons Learned, Corrective Actions, Action Items"],
            headings);
        Assert.StartsWith("# Rust 1.52.0 incremental compilation ICEs\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Status:** Draft  \n**Severity:** high  \n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_EmptyDraft_SaysNotWrittenYetForEverySectionAndQuestion()
    {
        var pm = Draft();
        pm.Do(new SkipSection("leadup", "waiting for the release team"));

        var markdown = Export(pm);

        // 7 sections + 4 questions, minus the skipped leadup which gives its reason instead.
        Assert.Equal(10, Lines(markdown).Count(l => l == MarkdownExporter.NotWrittenYet));
        Assert.Contains("_Not written yet (skipped: waiting for the release team)._", markdown, StringComparison.Ordinal);
        Assert.Equal(4, Lines(markdown).Count(l => l.StartsWith("### ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Export_IncidentResponse_QuotesTheRealFiguresInTheHalvingQuestions()
    {
        var markdown = Export(Rust152.Build().Postmortem);

        Assert.Contains("**Detection took 3 days 4 hours; what would have cut it to 1 day 14 hours?**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Mitigation took 21 hours after detection; what would have cut it to 10 hours 30 minutes?**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Timeline_IsATableInLocalTimeSortedByInstantWithDerivedFigures()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddTimelineEntry(Rust152.Released.AddHours(2), "First report | issue #85000\nsecond line"));

        var lines = Lines(Export(pm, new ExportOptions { TimeZone = _paris }));

        var header = Array.IndexOf(lines, "| Time (Europe/Paris) | Kind | What happened |");
        Assert.True(header > 0);
        Assert.Equal("| --- | --- | --- |", lines[header + 1]);
        Assert.Equal("| 2021-05-06 17:00 (UTC+02:00) | Event start | 1.52.0 released |", lines[header + 2]);
        Assert.Equal("| 2021-05-06 19:00 (UTC+02:00) | Note | First report \\| issue #85000<br>second line |", lines[header + 3]);
        Assert.Equal("| 2021-05-09 21:00 (UTC+02:00) | Detected | Reports recognised as one problem |", lines[header + 4]);
        Assert.Contains("- **Time to detect:** 3 days 4 hours", lines);
        Assert.Contains("- **Time to mitigate:** 21 hours", lines);
        Assert.Contains("- **Event duration:** 4 days 1 hour", lines);
    }

    [Fact]
    public void Export_FiveWhys_IsANestedListWithPathNumbersAndAMermaidFlowchart()
    {
        var fixture = Rust152.Build();
        var lines = Lines(Export(fixture.Postmortem));

        Assert.Contains("- **Why 1:** Why did users hit ICEs after upgrading to 1.52.0?", lines);
        Assert.Contains("                - **Why 1.1.2:** Why did the beta channel fail as a canary for 1.52.0?", lines);
        Assert.Contains("                    - **1.1.2b.** Few end developers use beta at all.", lines);
        Assert.Contains("            - **3.1a.** There is no dashboard of ICE reports per release. **(root cause)**", lines);

        var start = Array.IndexOf(lines, "```mermaid");
        Assert.Equal("flowchart TD", lines[start + 1]);
        var end = Array.IndexOf(lines, "```", start + 1);
        var mermaid = lines[(start + 2)..end];
        Assert.Equal(21, mermaid.Count(l => l.TrimStart().StartsWith('W') && l.Contains("[\"", StringComparison.Ordinal)));
        Assert.Contains($"    A{fixture.AnswerIds["1.1.2a"]} --> W{fixture.WhyIds["1.1.2.1"]}", mermaid);
        Assert.Contains($"    A{fixture.AnswerIds["3.1a"]}(\"ROOT CAUSE 3.1a. There is no dashboard of ICE reports per release.\")", mermaid);
        Assert.Contains(mermaid, l => l.StartsWith("    class ", StringComparison.Ordinal) && l.EndsWith(" rootCause", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_MermaidLabels_EscapeQuotesAndBrackets()
    {
        var pm = Draft();
        pm.Do(new AskWhy(null, "Why did \"cargo build\" print [E0599] (issue #1)?"));

        var markdown = Export(pm);

        Assert.Contains("[\"1. Why did #quot;cargo build#quot; print #91;E0599#93; #40;issue #35;1#41;?\"]", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_RetractedWhys_AreLeftOut()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new RetractWhy(fixture.WhyIds["3"]));

        var markdown = Export(fixture.Postmortem);

        Assert.DoesNotContain("Why 3:", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("ICE report volume", markdown, StringComparison.Ordinal);
        Assert.Contains("**Outcomes:** 19 whys with answers,", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Actions_AreNumberedLikeTheTemplate()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new DropActionItem(fixture.ItemIds["6a-ii"], "The checklist was replaced."));
        fixture.Postmortem.Do(new CompleteActionItem(fixture.ItemIds["2a-i"], "https://example.org/agenda"));

        var lines = Lines(Export(fixture.Postmortem));

        var lesson = Array.IndexOf(lines, "### Lesson 5");
        Assert.Equal("We need to be willing and able to communicate more quickly with our users after an event like this.", lines[lesson + 2]);
        Assert.Equal("_Reflects root causes 2.2.1a, 2.2.1.1a._", lines[lesson + 4]);
        Assert.Equal("- **Corrective action 5a:** Define a playbook for communicating with users after a user-impacting event.", lines[lesson + 6]);
        Assert.Equal(
            "    - **Action item 5a-i:** Survey response playbooks, especially of programming languages. (owner: Wesley; due 2021-05-31; open)",
            lines[lesson + 7]);
        Assert.Equal("- **Corrective action 5b:** Add the ability to issue public service announcements from rustup.", lines[lesson + 8]);
        Assert.Equal("    - _No action item yet._", lines[lesson + 9]);
        Assert.Contains(
            "    - **Action item 6a-ii:** ~~Add the blog step to the incident checklist.~~ (owner: Wesley; due 2021-05-20; dropped: The checklist was replaced.)",
            lines);
        Assert.Contains(lines, l => l.Contains("**Action item 2a-i:**", StringComparison.Ordinal) && l.EndsWith("done (https://example.org/agenda))", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_HasTheOutcomesLineInTheTemplatesStyle()
    {
        var markdown = Export(Rust152.Build().Postmortem);

        Assert.Contains("**Outcomes:** 21 whys with answers, 6 lessons learned, 9 corrective actions, 11 action items.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ListsOpenFindingsOnlyWhileNotFinal()
    {
        var pm = Rust152.Build().Postmortem;
        var options = new ExportOptions { OpenFindings = Linter.Lint(pm, _template) };

        var draft = Export(pm, options);
        pm.Do(new Finalize());
        var final = Export(pm, options);

        Assert.EndsWith(
            "## Open findings\n\n_This document is not final yet. These points are still open:_\n\n" +
            "- **warning** `corrective-action-without-action-item` 5b: Corrective action 5b has no action item. " +
            "_Each corrective action yields at least one short-term action item with an owner and a deadline._\n\n",
            draft,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Open findings", final, StringComparison.Ordinal);
        Assert.Contains("**Status:** Final", final, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ByDefault_ShowsPeopleAndResolvesMentionsToNames()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("leadup", $"<@{Wesley.Id}> and Ana reviewed the check."));

        var markdown = Export(pm);

        Assert.Contains("**Facilitator:** Felix  \n**Participants:** Felix, Wesley, Ana", markdown, StringComparison.Ordinal);
        Assert.Contains("@Wesley and Ana reviewed the check.", markdown, StringComparison.Ordinal);
        Assert.Contains("(owner: Wesley;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_KeepNamesOut_NeutralisesMentionsNamesAndOwners()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("leadup", $"<@{Wesley.Id}> asked @felix, and ana's review missed it. Felixstowe is a town."));

        var markdown = Export(pm, new ExportOptions { KeepNamesOut = true });

        Assert.Contains("a team member asked a team member, and a team member's review missed it. Felixstowe is a town.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Facilitator", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Wesley", markdown, StringComparison.Ordinal);
        Assert.Contains("(owner assigned; due 2021-05-31; open)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_MultiLineCorrectiveAction_StaysInsideItsListItem()
    {
        var pm = Draft();
        var lesson = pm.Do(new AddLesson("Lesson.", []));
        pm.Do(new AddCorrectiveAction(lesson, "First line.\n\nSecond paragraph."));

        var markdown = Export(pm);

        Assert.Contains("- **Corrective action 1a:** First line.\n\n  Second paragraph.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Metrics_ShowImagesTablesAndCaptions()
    {
        var pm = Draft();
        pm.Do(new AddMetricImage("https://example.org/ices.png", null, "ICE reports [per day]"));
        pm.Do(new AddMetricImage(null, "123456", "Screenshot"));
        pm.Do(new AddMetricImage("https://cdn.example.org/uploaded.png", "654321", "Uploaded"));

        var markdown = Export(pm);

        Assert.Contains("![ICE reports [per day\\]](https://example.org/ices.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("![Uploaded](https://cdn.example.org/uploaded.png)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("654321", markdown, StringComparison.Ordinal);
        Assert.Contains("_Image attached in the discussion (attachment 123456)._\n\n_Screenshot_", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_FinalizedPostmortem_ShowsWhenItWasFinalized()
    {
        var pm = Draft();
        pm.Do(new Finalize());

        var markdown = Export(pm, new ExportOptions { TimeZone = _paris });

        Assert.Contains("**Finalized:** 2021-05-10 11:00 (UTC+02:00)", markdown, StringComparison.Ordinal);
    }
}
