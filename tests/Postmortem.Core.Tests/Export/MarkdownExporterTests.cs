using Postmortem.Core.Actions;
using Postmortem.Core.Export;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Linting;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.References;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using Postmortem.Testing;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Export;

public sealed class MarkdownExporterTests
{
    private static readonly PostmortemTemplate _template = BuiltInTemplates.RustCompiler2021;
    private static readonly TimeZoneInfo _paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly string[] _templateSections =
        ["Summary", "Metrics/Graphs", "User Impact", "Incident Response", "Timeline", "Leadup", "Five Whys",
         "Lessons Learned, Corrective Actions, Action Items"];

    private static string Export(Core.Postmortem pm, ExportOptions? options = null) => MarkdownExporter.Export(pm, _template, options);

    private static string[] Lines(string markdown) => markdown.Split('\n');

    [Fact]
    public void Export_WritesEverySectionInTemplateOrder_ThenTheReferences()
    {
        var markdown = Export(Rust152.Build().Postmortem);

        var document = ExportedDocument.Parse(markdown);
        Assert.Equal([.. _templateSections, "References"], document.SectionTitles);
        Assert.Equal(2, document.Section("Summary").Paragraphs.Count);
        Assert.Equal(["Projects built incrementally failed with an internal compiler error until the cache was cleared."], document.Section("User Impact").Paragraphs);
        Assert.Single(document.Section("Metrics/Graphs").Tables);
        Assert.Single(document.Section("Timeline").Tables);
        Assert.Equal(["mermaid", "mermaid", "mermaid"], document.Section("Five Whys").Fences.Select(f => f.Info));
        Assert.Equal(1 + 9 + 4 + 3 + 6 + 1, document.Headings.Count);
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
    public void Export_Timeline_NamesTheZoneOnceAndKeepsTheOffsetOffTheRows()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddTimelineEntry(Rust152.Released.AddHours(2), "First report | issue #85000\nsecond line"));

        var lines = Lines(Export(pm, new ExportOptions { TimeZone = _paris }));

        var header = Array.IndexOf(lines, "| Time (Europe/Paris, UTC+02:00) | Kind | What happened |");
        Assert.True(header > 0);
        Assert.Equal("| --- | --- | --- |", lines[header + 1]);
        Assert.Equal("| 2021-05-06 17:00 | Event start | 1.52.0 released |", lines[header + 2]);
        Assert.Equal("| 2021-05-06 19:00 | Note | First report \\| issue #85000<br>second line |", lines[header + 3]);
        Assert.Equal("| 2021-05-09 21:00 | Detected | Reports recognised as one problem |", lines[header + 4]);
        Assert.DoesNotContain(lines, l => l.StartsWith("| 2021-", StringComparison.Ordinal) && l.Contains("UTC", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Timeline_ARowInAnotherOffset_SaysItsOwn()
    {
        var pm = Draft();
        // Paris leaves summer time on 2021-10-31 at 03:00 local (01:00 UTC).
        pm.Do(new AddTimelineEntry(new DateTimeOffset(2021, 10, 30, 22, 0, 0, TimeSpan.Zero), "Deploy", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(new DateTimeOffset(2021, 10, 31, 8, 0, 0, TimeSpan.Zero), "Rolled back", TimelineEntryKind.EventEnd));

        var lines = Lines(Export(pm, new ExportOptions { TimeZone = _paris }));

        Assert.Contains("| Time (Europe/Paris, UTC+02:00) | Kind | What happened |", lines);
        Assert.Contains("| 2021-10-31 00:00 | Event start | Deploy |", lines);
        Assert.Contains("| 2021-10-31 09:00 (UTC+01:00) | Event end | Rolled back |", lines);
    }

    [Fact]
    public void Export_Durations_AreExactAndSayWhatTheyAreMeasuredFrom()
    {
        var pm = Draft();
        var start = new DateTimeOffset(2021, 5, 6, 15, 0, 0, TimeSpan.Zero);
        pm.Do(new AddTimelineEntry(start, "1.52.0 released", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(start.AddHours(5).AddMinutes(15), "Reports grouped", TimelineEntryKind.Detected));
        var mitigated = start.AddHours(5).AddMinutes(15).AddDays(3).AddHours(20).AddMinutes(30);
        pm.Do(new AddTimelineEntry(mitigated, "1.52.1 released", TimelineEntryKind.Mitigated));

        var lines = Lines(Export(pm));

        Assert.Contains("- **Time to detect, from the event start:** 5 hours 15 minutes", lines);
        Assert.Contains("- **Time to mitigate, from detection:** 3 days 20 hours 30 minutes", lines);
        Assert.Contains("- **Event duration, from its start to its end:** _unknown (needs the event start and end)_", lines);
    }

    [Fact]
    public void Export_HasTheOutcomesLineInTheTeamsOwnWords()
    {
        var markdown = Export(Rust152.Build().Postmortem);

        Assert.Contains("**Outcomes:** 21 Whys + answers, 6 Lessons Learned, 9 Corrective Actions, 11 Action Items.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_RetractedWhys_AreLeftOut()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new RetractWhy(fixture.WhyIds["3"]));

        var markdown = Export(fixture.Postmortem);

        Assert.DoesNotContain("Why 3:", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("ICE report volume", markdown, StringComparison.Ordinal);
        Assert.Contains("**Outcomes:** 19 Whys + answers,", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_FiveWhys_OpensWithTheRootCausesAndTheLessonsThatReflectThem()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new AnswerWhy(fixture.WhyIds["3.1"], "Nobody owns ICE triage."));
        fixture.Postmortem.Do(new MarkRootCause(fixture.Postmortem.WhyAnswers[^1].Id));

        var section = ExportedDocument.Parse(Export(fixture.Postmortem)).Section("Five Whys");

        Assert.Equal((3, "Root causes"), section.Headings[0]);
        var rootCauses = section.Lists[0];
        Assert.Equal(9, rootCauses.Count);
        var text = section.Text;
        Assert.Contains("1.1.1.1.1a: No tooling groups ICE reports by panic location. (reflected in lesson 1)", text, StringComparison.Ordinal);
        Assert.Contains("2.2.1.1a: rustup cannot issue public service announcements. (reflected in lesson 5)", text, StringComparison.Ordinal);
        Assert.Contains("3.1b: Nobody owns ICE triage. (not reflected in a lesson yet)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_FiveWhys_ListIsShallow_AWhyWithOneAnswerIsOneLine()
    {
        var lines = Lines(Export(Rust152.Build().Postmortem));

        Assert.Contains(
            "- **Why 1:** Why did users hit ICEs after upgrading to 1.52.0? → **1a:** A new fingerprint verification check turned silent incremental compilation bugs into ICEs.",
            lines);
        Assert.Contains("        - **Why 1.1.1.1.1:** Why were the reports not grouped? → **1.1.1.1.1a (root cause):** No tooling groups ICE reports by panic location.", lines);
        // The two-fold answer branches: each answer is its own item, its follow-up below it.
        Assert.Contains("    - **Why 1.1.2:** Why did the beta channel fail as a canary for 1.52.0?", lines);
        Assert.Contains("      - **1.1.2b:** Few end developers use beta at all.", lines);
        Assert.Contains("        - **Why 1.1.2.2:** Why are end developers favouring nightly or stable over beta? → **1.1.2.2a:** Beta offers nothing stable lacks, while nightly offers features.", lines);

        var whyLines = lines.Where(l => l.TrimStart().StartsWith("- **Why ", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, whyLines.Count);
        // 21 whys, five deep: at most 10 spaces of indentation.
        Assert.All(whyLines, l => Assert.True(l.Length - l.TrimStart().Length <= 10, l));
    }

    [Fact]
    public void Export_FiveWhys_DrawsOneMermaidGraphPerBranch_ValidAndWrapped()
    {
        var fixture = Rust152.Build();
        var markdown = Export(fixture.Postmortem);

        var graphs = MermaidSyntax.Graphs(markdown);
        Assert.Equal(3, graphs.Count);
        Assert.All(graphs, g => Assert.Empty(MermaidSyntax.Problems(g)));
        var first = graphs[0].Split('\n');
        Assert.Equal("flowchart TD", first[0]);
        Assert.Contains($"    A{fixture.AnswerIds["1.1.2a"]} --> W{fixture.WhyIds["1.1.2.1"]}", first);
        Assert.Contains($"    A{fixture.AnswerIds["1.1.1.1.1a"]}(\"1.1.1.1.1a · ROOT CAUSE<br>No tooling groups ICE<br>reports by panic location.\")", first);
        Assert.Contains(first, l => l.StartsWith("    class ", StringComparison.Ordinal) && l.EndsWith(" rootCause", StringComparison.Ordinal));
        // Labels are wrapped into short lines.
        var labelLines = graphs.SelectMany(g => g.Split('\n')).Where(l => l.Contains("(\"", StringComparison.Ordinal) || l.Contains("[\"", StringComparison.Ordinal))
            .SelectMany(l => l[(l.IndexOf('"', StringComparison.Ordinal) + 1)..l.LastIndexOf('"')].Split("<br>"));
        Assert.All(labelLines, l => Assert.True(l.Length <= 30, l));
    }

    [Fact]
    public void Export_FiveWhys_ALargeBranchIsSplitIntoGraphsOfAtMost30Nodes()
    {
        var pm = Draft();
        var why = pm.Do(new AskWhy(null, "Why did the deploy fail?"));
        // 15 whys and 30 answers: 45 nodes in one branch.
        Branch(pm, why, 3);
        var markdown = Export(pm);

        var graphs = MermaidSyntax.Graphs(markdown);
        Assert.True(graphs.Count >= 2);
        Assert.All(graphs, g => Assert.Empty(MermaidSyntax.Problems(g)));
        Assert.All(graphs, g => Assert.InRange(g.Split('\n').Count(l => l.Contains("[\"", StringComparison.Ordinal) || l.Contains("(\"", StringComparison.Ordinal)), 1, 30));
        // Every why is drawn in full exactly once, a continued one also as a dashed stub where it left off.
        var drawn = graphs.SelectMany(g => g.Split('\n')).Count(l => l.StartsWith("    W", StringComparison.Ordinal) && l.Contains("[\"", StringComparison.Ordinal));
        Assert.Equal(15, drawn);
        Assert.Contains(graphs, g => g.Contains("continued in its own graph", StringComparison.Ordinal));
        // Why 1.1's 21 nodes fit beside why 1; why 1.2's would not, so it continues in a graph of its own.
        Assert.Contains("_Why 1.2, continued from the graph of why 1:_", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_MermaidLabels_EscapeOnlyWhatMermaidWouldRead()
    {
        var pm = Draft();
        pm.Do(new AskWhy(null, "Why did \"cargo build\" print [E0599] (issue #1) for <T> & #quot; 100%%?"));

        var markdown = Export(pm);

        Assert.Contains(
            "[\"Why 1<br>Why did #quot;cargo build#quot; print<br>[E0599] (issue #1) for #lt;T#gt; #amp;<br>#35;quot; 100#37;%?\"]",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Export_MermaidGraphs_ParseWithMermaidsOwnParser()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AskWhy(null, "Why did \"cargo\" print [E0599] {x} | `y` (see #1) <script>alert(1)</script> & %%{init: {'theme':'dark'}}%% ; end"));
        pm.Do(new AnswerWhy(pm.Whys[^1].Id, "Because 😀 " + new string('x', 200) + " 👩‍👩‍👧 cut"));

        var large = Draft();
        Branch(large, large.Do(new AskWhy(null, "Why did the deploy fail?")), 3);
        var graphs = MermaidSyntax.Graphs(Export(pm)).Concat(MermaidSyntax.Graphs(Export(large))).ToList();
        var verdicts = MermaidSyntax.Parse([.. graphs, "flowchart TD\n    W1[\"broken \" quote\"]\n"]);

        Assert.Equal(graphs.Count + 1, verdicts.Count);
        Assert.All(verdicts.Take(graphs.Count), v => Assert.Null(v));
        // The parser does reject what is broken, so the check above can fail.
        Assert.NotNull(verdicts[^1]);
    }

    [Fact]
    public void Export_Lessons_AreHeadedByTheirTextAndShowTheRootCausesTheyReflect()
    {
        var fixture = Rust152.Build();
        fixture.Postmortem.Do(new DropActionItem(fixture.ItemIds["6a-ii"], "The checklist was replaced."));
        fixture.Postmortem.Do(new CompleteActionItem(fixture.ItemIds["2a-i"], "https://example.org/agenda"));

        var lines = Lines(Export(fixture.Postmortem));

        var lesson = Array.IndexOf(lines, "### Lesson 5: We need to be willing and able to communicate more quickly with our users after an event like this.");
        Assert.True(lesson > 0);
        Assert.Equal("_Reflects root causes:_", lines[lesson + 2]);
        Assert.Equal("* **2.2.1a:** There is no playbook for communicating with users after an event.", lines[lesson + 4]);
        Assert.Equal("* **2.2.1.1a:** rustup cannot issue public service announcements.", lines[lesson + 5]);
        Assert.Equal("- **Corrective action 5a:** Define a playbook for communicating with users after a user-impacting event.", lines[lesson + 7]);
        Assert.Equal(
            "  - **Action item 5a-i:** Survey response playbooks, especially of programming languages. (owner: Wesley; due 2021-05-31; open)",
            lines[lesson + 8]);
        Assert.Equal("- **Corrective action 5b:** Add the ability to issue public service announcements from rustup.", lines[lesson + 9]);
        Assert.Equal("  - _No action item yet._", lines[lesson + 10]);
        Assert.Contains("_Reflects root cause 2.1.1a:_ Automation was never prioritised for rare point releases.", lines);
        Assert.Contains(
            "  - **Action item 6a-ii:** ~~Add the blog step to the incident checklist.~~ (owner: Wesley; due 2021-05-20; dropped: The checklist was replaced.)",
            lines);
        Assert.Contains(lines, l => l.Contains("**Action item 2a-i:**", StringComparison.Ordinal) && l.EndsWith("done (https://example.org/agenda))", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_ALongLesson_HasAShortHeadingAndItsFullTextBelow()
    {
        var pm = Draft();
        var text = string.Join(' ', Enumerable.Repeat("Releases need a canary that exercises incremental builds.", 5));
        pm.Do(new AddLesson(text, []));

        var lines = Lines(Export(pm));

        var heading = Assert.Single(lines, l => l.StartsWith("### Lesson 1: ", StringComparison.Ordinal));
        Assert.True(heading.Length <= "### Lesson 1: ".Length + MarkdownExporter.MaxLessonHeadingLength, heading);
        Assert.EndsWith("…", heading, StringComparison.Ordinal);
        Assert.Contains(text, lines);
    }

    [Fact]
    public void Export_ActionItems_AreTabledByDueDate()
    {
        var fixture = Rust152.Build();
        var pm = fixture.Postmortem;
        pm.Do(new EditActionItem(fixture.ItemIds["4a-i"], "List every manual step | of the last point release.", null, null));

        var section = ExportedDocument.Parse(Export(pm)).Section("Lessons Learned, Corrective Actions, Action Items");

        Assert.Contains((3, "Action items by due date"), section.Headings);
        var rows = DocumentSection.Rows(Assert.Single(section.Tables));
        Assert.Equal(["Item", "What", "Owner", "Due date", "Status"], rows[0]);
        Assert.Equal(12, rows.Count);
        Assert.Equal(["2a-i", "Add beta adoption to the release team agenda.", "Wesley", "2021-05-17", "open"], rows[1]);
        var dues = rows.Skip(1).Select(r => r[3]).ToList();
        Assert.Equal(["2021-05-17", "2021-05-20", "2021-05-20", "2021-05-24", "2021-05-31", "2021-05-31", "2021-06-09", "2021-06-09", "2021-06-09", "2021-06-24", "—"], dues);
        Assert.Equal(["4a-i", "List every manual step | of the last point release.", "—", "—", "open"], rows[^1]);
    }

    [Fact]
    public void Export_References_AreLinksTheTeamAdded()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddReference("https://github.com/rust-lang/rust/issues/84970", "Issue #84970: ICE with incremental fingerprints"));
        pm.Do(new AddReference("https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html", "Announcing Rust 1.52.1 [blog]"));

        var section = ExportedDocument.Parse(Export(pm)).Section("References");

        Assert.Equal(
            [("Issue #84970: ICE with incremental fingerprints", "https://github.com/rust-lang/rust/issues/84970"),
             ("Announcing Rust 1.52.1 [blog]", "https://blog.rust-lang.org/2021/05/10/Rust-1.52.1.html")],
            section.Links);
    }

    [Fact]
    public void Export_FinalWithoutReferences_LeavesTheSectionOut()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new Finalize());

        Assert.DoesNotContain("References", ExportedDocument.Parse(Export(pm)).SectionTitles);
    }

    [Fact]
    public void Export_ListsOpenFindingsWhileNotFinal_AndKeepsThemAsKnownGapsOnceFinal()
    {
        var pm = Rust152.Build().Postmortem;
        var options = new ExportOptions { OpenFindings = Linter.Lint(pm, _template) };

        var draft = Export(pm, options);
        pm.Do(new Finalize());
        var final = Export(pm, options);

        const string Finding = "- **warning** `corrective-action-without-action-item` 5b: Corrective action 5b has no action item. " +
            "_Each corrective action yields at least one short-term action item with an owner and a deadline._\n\n";
        Assert.EndsWith("## Open findings\n\n_This document is not final yet. These points are still open:_\n\n" + Finding, draft, StringComparison.Ordinal);
        Assert.EndsWith("## Known gaps\n\n_This postmortem was finalized with these points still open:_\n\n" + Finding, final, StringComparison.Ordinal);
        Assert.DoesNotContain("Open findings", final, StringComparison.Ordinal);
        Assert.Contains("**Status:** Final", final, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_SkippedFiveWhysAndTimeline_StillShowWhatWasWritten()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new SkipSection("five-whys", "more in the next meeting"));
        pm.Do(new SkipSection("timeline"));

        var document = ExportedDocument.Parse(Export(pm));

        var whys = document.Section("Five Whys");
        Assert.StartsWith("Skipped for now (more in the next meeting); what was written so far:", whys.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("Why did users hit ICEs after upgrading to 1.52.0?", whys.Text, StringComparison.Ordinal);
        Assert.Equal(3, whys.Fences.Count);
        var timeline = document.Section("Timeline");
        Assert.Equal("Skipped for now; what was written so far:", timeline.Paragraphs[0]);
        Assert.Equal(5, DocumentSection.Rows(Assert.Single(timeline.Tables)).Count);
    }

    [Fact]
    public void Export_AnUnclosedCodeFence_StaysInItsAnswer()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("summary", "The ICE printed:\n\n```\nthread 'rustc' panicked at 'assertion failed'\n\nNo closing fence follows."));
        pm.Do(new AnswerWhy(Rust152Why(pm, "1.2"), "Another paste:\n~~~~\nstill open"));

        var document = ExportedDocument.Parse(Export(pm));

        Assert.Equal([.. _templateSections, "References"], document.SectionTitles);
        var summary = document.Section("Summary");
        Assert.Equal("thread 'rustc' panicked at 'assertion failed'\n\nNo closing fence follows.", Assert.Single(summary.Fences).Lines.ToString());
        // Three graphs, the summary's paste and the answer's: nothing swallowed, nothing merged.
        Assert.Equal(5, document.Fences.Count);
        Assert.Contains("still open", document.Section("Five Whys").Fences[0].Lines.ToString(), StringComparison.Ordinal);
        Assert.Equal(11, DocumentSection.Rows(Assert.Single(document.Section("Lessons Learned, Corrective Actions, Action Items").Tables)).Count - 1);
    }

    [Fact]
    public void Export_RawHtmlAndFakeHeadings_AreShownAsText()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("summary", "# Hacked\n\n<script>alert(1)</script>\n\nA setext title\n===\n\n> ## quoted heading\n\n- # listed heading\n\n[x]: https://evil.example\n\nKept: `<b>code</b>` and **bold**."));
        pm.Do(new AnswerSection("leadup", "<iframe src=\"https://evil.example\"></iframe>\n<!-- the rest is a comment"));
        pm.Do(new AddTimelineEntry(Rust152.Released, "<img src=x onerror=alert(1)>"));
        pm.Do(new AddLesson("Titles end with # and <b>tags</b> #", []));

        var markdown = Export(pm);
        var document = ExportedDocument.Parse(markdown);

        Assert.Equal(0, document.HtmlBlocks);
        Assert.All(document.HtmlInlines, tag => Assert.Equal("<br>", tag));
        Assert.Equal([.. _templateSections, "References"], document.SectionTitles);
        // The title, the sections, 4 questions, 3 Five Whys parts, 7 lessons and the action table: nothing else.
        Assert.Equal(1 + 9 + 4 + 3 + 7 + 1, document.Headings.Count);
        Assert.Contains((3, "Lesson 7: Titles end with # and <b>tags</b> #"), document.Headings);
        var summary = document.Section("Summary").Text;
        Assert.Contains("# Hacked", summary, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", summary, StringComparison.Ordinal);
        Assert.Contains("[x]: https://evil.example", summary, StringComparison.Ordinal);
        Assert.Contains("<b>code</b>", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\\<b>code", markdown, StringComparison.Ordinal);
        Assert.Contains("<!-- the rest is a comment", document.Section("Leadup").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_AnImageUrlWithParentheses_CannotAddALink()
    {
        var pm = Draft();
        pm.Do(new AddMetricImage("https://example.org/ices.png)[click](https://evil.example/x", null, "ICE reports [per day]"));

        var metrics = ExportedDocument.Parse(Export(pm)).Section("Metrics/Graphs");

        var image = Assert.Single(metrics.Images);
        Assert.Equal("ICE reports [per day]", image.Alt);
        Assert.Equal("https://example.org/ices.png%29%5Bclick%5D%28https://evil.example/x", image.Url);
        Assert.Empty(metrics.Links);
    }

    [Fact]
    public void Export_ACutLabelNeverSplitsAnEmoji()
    {
        var pm = Draft();
        var question = "Why " + new string('x', 71) + string.Concat(Enumerable.Repeat("😀", 60));
        pm.Do(new AskWhy(null, question));
        pm.Do(new AnswerWhy(pm.Whys[0].Id, "Flags 🇫🇷🇩🇪 and families 👩‍👩‍👧 " + string.Concat(Enumerable.Repeat("👩‍👩‍👧", 30))));

        var markdown = Export(pm);

        var strict = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Assert.Equal(markdown, strict.GetString(strict.GetBytes(markdown)));
        Assert.DoesNotContain('\uFFFD', markdown);
        Assert.All(MermaidSyntax.Graphs(markdown), g => Assert.Empty(MermaidSyntax.Problems(g)));
    }

    [Fact]
    public void Export_Assets_AreLinkedAtTheEndOfTheirSection()
    {
        var pm = Rust152.Build().Postmortem;
        var assets = new Dictionary<string, IReadOnlyList<ExportAsset>>
        {
            ["timeline"] = [new ExportAsset("rust-152.assets/timeline (1).png", "Timeline chart")],
        };

        var timeline = ExportedDocument.Parse(Export(pm, new ExportOptions { Assets = assets })).Section("Timeline");

        Assert.Equal([("Timeline chart", "rust-152.assets/timeline%20%281%29.png")], timeline.Images);
        Assert.IsType<Markdig.Syntax.ParagraphBlock>(timeline.Blocks[^1]);
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

        Assert.Contains("A team member asked the facilitator, and a team member's review missed it. Felixstowe is a town.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Facilitator", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Wesley", markdown, StringComparison.Ordinal);
        Assert.Contains("(owner assigned; due 2021-05-31; open)", markdown, StringComparison.Ordinal);
        Assert.Contains("| 5a-i | Survey response playbooks, especially of programming languages. | assigned | 2021-05-31 | open |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_KeepNamesOut_CountsPeopleInARowInsteadOfRepeatingThem()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AnswerSection("leadup", "wesley and Ana paired on the fix. Felix, Wesley and ana stayed on the call. Ana/<@100000000000000002> reviewed it."));

        var markdown = Export(pm, new ExportOptions { KeepNamesOut = true });

        Assert.Contains("Two team members paired on the fix. The facilitator and two team members stayed on the call. Two team members reviewed it.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("a team member and a team member", markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Export_KeepNamesOut_ScrubsMetricTablesCaptionsAndPictureAltText()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddMetricTable("| Who | Pages |\n| --- | --- |\n| Wesley | 4 |\n| <@100000000000000003> | 2 |", "Pages answered by wesley and Ana"));
        var assets = new Dictionary<string, IReadOnlyList<ExportAsset>>
        {
            ["metrics"] = [new ExportAsset("pm.assets/metrics.png", "Pages answered by Wesley")],
        };

        var markdown = Export(pm, new ExportOptions { KeepNamesOut = true, Assets = assets });

        Assert.DoesNotContain("Wesley", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<@100000000000000003>", markdown, StringComparison.Ordinal);
        Assert.Contains("| A team member | 4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| A team member | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("_Pages answered by two team members_", markdown, StringComparison.Ordinal);
        Assert.Contains("![Pages answered by a team member](pm.assets/metrics.png)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ByDefault_KeepsMetricTablesAsTyped()
    {
        var pm = Rust152.Build().Postmortem;
        pm.Do(new AddMetricTable("| Who | Pages |\n| --- | --- |\n| Wesley | 4 |", "Pages answered by Wesley"));

        var markdown = Export(pm);

        Assert.Contains("| Wesley | 4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("_Pages answered by Wesley_", markdown, StringComparison.Ordinal);
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

        Assert.Contains("![ICE reports \\[per day\\]](https://example.org/ices.png)", markdown, StringComparison.Ordinal);
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

    // Two answers per why, a follow-up from each answer: depth 3 gives 15 whys and 30 answers.
    private static void Branch(Core.Postmortem pm, int whyId, int depth)
    {
        foreach (var letter in new[] { "first", "second" })
        {
            var answer = pm.Do(new AnswerWhy(whyId, $"The {letter} reason at depth {depth} (see issue #12)."));
            if (depth > 0)
            {
                Branch(pm, pm.Do(new AskWhy(answer, $"Why was the {letter} reason there at depth {depth}?")), depth - 1);
            }
        }
    }

    private static int Rust152Why(Core.Postmortem pm, string path) => pm.Whys.Single(w => w.Path == path).Id;
}
