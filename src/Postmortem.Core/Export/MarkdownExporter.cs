using System.Globalization;
using System.Text;
using Postmortem.Core.Actions;
using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;

namespace Postmortem.Core.Export;

/// <summary>
/// Renders one postmortem as a single Markdown document in template order that reads well on GitHub or
/// HackMD: a header, every section (unwritten ones say so), the timeline as a table with its derived figures,
/// the Five Whys as a nested list plus a Mermaid flowchart, numbered lessons -> corrective actions -> action
/// items, the outcomes line, and the open findings while the document is not final.
/// </summary>
public static class MarkdownExporter
{
    public const string NotWrittenYet = "_Not written yet._";

    public static string Export(Postmortem postmortem, PostmortemTemplate template, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        options ??= ExportOptions.Default;
        var writer = new Writer(postmortem, options);
        writer.Header();
        foreach (var section in template.Sections)
        {
            writer.Section(section);
        }

        writer.Findings();
        return writer.ToString();
    }

    private sealed class Writer(Postmortem postmortem, ExportOptions options)
    {
        private readonly StringBuilder _md = new();
        private readonly NameScrubber _names = new(
            [postmortem.Facilitator, .. postmortem.Participants, .. postmortem.ActionItems.Select(i => i.Owner).OfType<UserRef>()],
            options.KeepNamesOut);

        private readonly Lazy<WhyTree> _tree = new(() => WhyTree.Build(postmortem));

        public override string ToString() => _md.ToString();

        public void Header()
        {
            Line($"# {Scrub(MarkdownText.Inline(postmortem.Title))}");
            Line();
            var facts = new List<string> { $"**Status:** {Describe(postmortem.Status)}" };
            if (postmortem.Severity is { } severity)
            {
                facts.Add($"**Severity:** {MarkdownText.Inline(severity)}");
            }

            if (postmortem.IncidentStartedAt is { } incident)
            {
                facts.Add($"**Incident started:** {Time(incident)}");
            }

            facts.Add($"**Postmortem started:** {Time(postmortem.CreatedAt)}");
            facts.Add($"**Last updated:** {Time(postmortem.UpdatedAt)}");
            if (postmortem.FinalizedAt is { } finalized)
            {
                facts.Add($"**Finalized:** {Time(finalized)}");
            }

            if (!options.KeepNamesOut)
            {
                facts.Add($"**Facilitator:** {MarkdownText.Inline(postmortem.Facilitator.DisplayName)}");
                facts.Add($"**Participants:** {string.Join(", ", postmortem.Participants.Select(p => MarkdownText.Inline(p.DisplayName)))}");
            }

            // Two trailing spaces make a line break, so the facts stay one compact block.
            Line(string.Join("  \n", facts));
            Line();
            Line($"**Outcomes:** {PostmortemOutcomes.Of(postmortem)}.");
            Line();
        }

        public void Section(TemplateSection section)
        {
            Line($"## {section.Title}");
            Line();
            var answer = postmortem.FindSection(section.Key);
            if (answer is { Skipped: true })
            {
                Line(answer.SkipReason is { } reason ? $"_Not written yet (skipped: {MarkdownText.Inline(Scrub(reason))})._" : NotWrittenYet);
                Line();
                return;
            }

            switch (section.Kind)
            {
                case SectionKind.Text:
                    Body(postmortem.CurrentText(section.Key));
                    break;
                case SectionKind.Questions:
                    Questions(section);
                    break;
                case SectionKind.Metrics:
                    Metrics();
                    break;
                case SectionKind.Timeline:
                    Timeline();
                    break;
                case SectionKind.Whys:
                    Whys();
                    break;
                case SectionKind.Actions:
                    Actions();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown section kind {section.Kind}.");
            }

            ImageLink.Write(_md, options.SectionImages, section.Key);
        }

        public void Findings()
        {
            if (postmortem.Status == PostmortemStatus.Final || options.OpenFindings.Count == 0)
            {
                return;
            }

            Line("## Open findings");
            Line();
            Line("_This document is not final yet. These points are still open:_");
            Line();
            foreach (var finding in options.OpenFindings)
            {
                var target = finding.Target is { } t ? $" {MarkdownText.Inline(t)}" : "";
                Line($"- **{finding.Severity.ToString().ToLowerInvariant()}** `{finding.Code}`{target}: " +
                    $"{MarkdownText.Inline(Scrub(finding.Message))} _{MarkdownText.Inline(finding.Hint)}_");
            }

            Line();
        }

        private void Questions(TemplateSection section)
        {
            var figures = postmortem.TimelineFigures;
            foreach (var question in section.Questions)
            {
                Line($"### {question.Title}");
                Line();
                Line($"**{MarkdownText.Inline(Facilitator.QuestionText(question, figures))}**");
                Line();
                var answer = postmortem.FindSection(question.Key);
                if (answer is { Skipped: true })
                {
                    Line(NotWrittenYet);
                    Line();
                }
                else
                {
                    Body(answer?.Current?.Text);
                }
            }
        }

        private void Metrics()
        {
            if (postmortem.Metrics.Count == 0)
            {
                Body(null);
                return;
            }

            foreach (var metric in postmortem.Metrics)
            {
                var caption = MarkdownText.Inline(Scrub(metric.Caption));
                switch (metric.Kind)
                {
                    case MetricKind.Image when metric.Url is { } url:
                        Line($"![{(caption.Length > 0 ? caption.Replace("]", "\\]", StringComparison.Ordinal) : "Graph")}]({url.Replace(" ", "%20", StringComparison.Ordinal)})");
                        break;
                    case MetricKind.Image:
                        Line($"_Image attached in the discussion (attachment {metric.AttachmentId})._");
                        break;
                    default:
                        Line(metric.Table ?? "");
                        break;
                }

                if (caption.Length > 0)
                {
                    Line();
                    Line($"_{caption}_");
                }

                Line();
            }
        }

        private void Timeline()
        {
            var entries = postmortem.TimelineInOrder;
            if (entries.Count == 0)
            {
                Body(null);
                return;
            }

            Line($"| Time ({MarkdownText.Cell(options.TimeZone.Id)}) | Kind | What happened |");
            Line("| --- | --- | --- |");
            foreach (var entry in entries)
            {
                Line($"| {Time(entry.At)} | {Describe(entry.Kind)} | {MarkdownText.Cell(Scrub(entry.Text))} |");
            }

            Line();
            var figures = postmortem.TimelineFigures;
            Line($"- **Time to detect:** {Duration(figures.TimeToDetect, "needs the event start and a detection entry")}");
            Line($"- **Time to mitigate:** {Duration(figures.TimeToMitigate, "needs a detection and a mitigation entry")}");
            Line($"- **Event duration:** {Duration(figures.EventDuration, "needs the event start and end")}");
            Line();
        }

        private void Whys()
        {
            var tree = _tree.Value;
            if (tree.Whys.Count == 0)
            {
                Body(null);
                return;
            }

            foreach (var root in tree.Roots)
            {
                WhyItem(root, 0);
            }

            Line();
            MermaidWhys.Write(_md, tree, Scrub);
            Line();
        }

        private void WhyItem(WhyNode node, int level)
        {
            var indent = new string(' ', level * 4);
            Line($"{indent}- **Why {node.Why.Path}:** {MarkdownText.ListItem(Scrub(node.Why.Question), indent.Length + 2)}");
            if (node.Answers.Count == 0)
            {
                Line($"{indent}    - _No answer yet._");
            }

            foreach (var answerNode in node.Answers)
            {
                var answer = answerNode.Answer;
                var mark = answer.IsRootCause ? " **(root cause)**" : "";
                Line($"{indent}    - **{answer.Label}.** {MarkdownText.ListItem(Scrub(answer.Text), indent.Length + 6)}{mark}");
                foreach (var followUp in answerNode.FollowUps)
                {
                    WhyItem(followUp, level + 2);
                }
            }
        }

        private void Actions()
        {
            var lessons = postmortem.Lessons.Where(l => !l.Retracted).ToList();
            if (lessons.Count == 0)
            {
                Body(null);
                return;
            }

            var actionsByLesson = postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)).ToLookup(a => a.LessonId);
            var itemsByAction = postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)).ToLookup(i => i.CorrectiveActionId);
            foreach (var lesson in lessons)
            {
                Line($"### Lesson {lesson.Label}");
                Line();
                Line(Scrub(lesson.Text));
                Line();
                var rootCauses = lesson.RootCauseAnswerIds.Select(postmortem.FindWhyAnswer).OfType<WhyAnswer>()
                    .Where(a => !postmortem.IsHidden(a)).Select(a => a.Label).ToList();
                if (rootCauses.Count > 0)
                {
                    Line($"_Reflects root cause{(rootCauses.Count == 1 ? "" : "s")} {string.Join(", ", rootCauses)}._");
                    Line();
                }

                if (!actionsByLesson[lesson.Id].Any())
                {
                    Line("- _No corrective action yet._");
                }

                foreach (var action in actionsByLesson[lesson.Id])
                {
                    Line($"- **Corrective action {action.Label}:** {MarkdownText.ListItem(Scrub(action.Text), 2)}");
                    if (!itemsByAction[action.Id].Any())
                    {
                        Line("    - _No action item yet._");
                    }

                    foreach (var item in itemsByAction[action.Id])
                    {
                        ActionItemLine(item);
                    }
                }

                Line();
            }
        }

        private void ActionItemLine(ActionItem item)
        {
            var text = MarkdownText.ListItem(Scrub(item.Text), 6);
            if (item.Status == ActionItemStatus.Dropped)
            {
                text = $"~~{text}~~";
            }

            var owner = item.Owner switch
            {
                null => "no owner",
                _ when options.KeepNamesOut => "owner assigned",
                { } person => $"owner: {person.DisplayName}",
            };
            var due = item.Due is { } date ? $"due {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "no due date";
            var status = item.Status switch
            {
                ActionItemStatus.Done when item.Evidence is { } evidence => $"done ({MarkdownText.Inline(Scrub(evidence))})",
                ActionItemStatus.Done => "done",
                ActionItemStatus.Dropped => $"dropped: {MarkdownText.Inline(Scrub(item.DropReason ?? ""))}",
                _ => "open",
            };
            Line($"    - **Action item {item.Label}:** {text} ({owner}; {due}; {status})");
        }

        private void Body(string? text)
        {
            Line(text is null ? NotWrittenYet : Scrub(text));
            Line();
        }

        private string Scrub(string text) => _names.Scrub(text);

        private string Time(DateTimeOffset at)
        {
            var local = TimeZoneInfo.ConvertTime(at, options.TimeZone);
            var offset = local.Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} (UTC{sign}{offset:hh\\:mm})");
        }

        private static string Duration(TimeSpan? duration, string missing) =>
            duration is { } value ? DurationFormatter.Format(value) : $"_unknown ({missing})_";

        private static string Describe(PostmortemStatus status) => status switch
        {
            PostmortemStatus.InReview => "In review",
            PostmortemStatus.Final => "Final",
            _ => "Draft",
        };

        private static string Describe(TimelineEntryKind kind) => kind switch
        {
            TimelineEntryKind.EventStart => "Event start",
            TimelineEntryKind.EventEnd => "Event end",
            TimelineEntryKind.Detected => "Detected",
            TimelineEntryKind.Mitigated => "Mitigated",
            TimelineEntryKind.Resolved => "Resolved",
            _ => "Note",
        };

        private void Line(string text = "") => _md.Append(text).Append('\n');
    }
}
