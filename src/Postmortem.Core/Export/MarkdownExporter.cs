using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;

namespace Postmortem.Core.Export;

/// <summary>
/// Renders one postmortem as a single Markdown document in template order that reads well on GitHub or
/// HackMD: a header with the outcomes line, every section (unwritten ones say so; skipped ones say so and still
/// show what was written), the timeline as a table with its named figures, the Five Whys (root causes first, a
/// shallow nested list, a Mermaid graph per branch), lessons -> corrective actions -> action items with a table of
/// the items by due date, the references, and the open findings (as "Known gaps" once final).
/// Each section has its own writer; user text is always contained (see <see cref="MarkdownText"/>).
/// </summary>
public static class MarkdownExporter
{
    public const string NotWrittenYet = "_Not written yet._";

    /// <summary>Lesson headings longer than this are cut (on a word break); the full lesson follows below.</summary>
    public const int MaxLessonHeadingLength = 160;

    private const string SkippedSoFar = "_Skipped for now; what was written so far:_";

    public static string Export(Postmortem postmortem, PostmortemTemplate template, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        var writer = new MarkdownWriter(postmortem, options ?? ExportOptions.Default);
        HeaderExport.Write(writer);
        foreach (var section in template.Sections)
        {
            Section(writer, section);
        }

        ReferencesExport.Write(writer);
        FindingsExport.Write(writer);
        return writer.ToString();
    }

    private static void Section(MarkdownWriter writer, TemplateSection section)
    {
        writer.Paragraph($"## {MarkdownText.Heading(section.Title)}");
        if (writer.Postmortem.FindSection(section.Key) is { Skipped: true } skipped)
        {
            var reason = skipped.SkipReason is { } text ? MarkdownText.Inline(writer.Scrub(text)) : null;
            if (!HasContent(writer, section))
            {
                writer.Paragraph(reason is null ? NotWrittenYet : $"_Not written yet (skipped: {reason})._");
                return;
            }

            // Skipping is "for now": what the team already wrote stays part of the document.
            writer.Paragraph(reason is null ? SkippedSoFar : $"_Skipped for now ({reason}); what was written so far:_");
        }

        switch (section.Kind)
        {
            case SectionKind.Text:
                writer.Body(writer.Postmortem.CurrentText(section.Key));
                break;
            case SectionKind.Questions:
                Questions(writer, section);
                break;
            case SectionKind.Metrics:
                MetricsExport.Write(writer);
                break;
            case SectionKind.Timeline:
                TimelineExport.Write(writer);
                break;
            case SectionKind.Whys:
                FiveWhysExport.Write(writer);
                break;
            case SectionKind.Actions:
                ActionsExport.Write(writer);
                break;
            default:
                throw new InvalidOperationException($"Unknown section kind {section.Kind}.");
        }

        writer.Assets(section.Key);
    }

    private static bool HasContent(MarkdownWriter writer, TemplateSection section)
    {
        var postmortem = writer.Postmortem;
        return section.Kind switch
        {
            SectionKind.Text => postmortem.CurrentText(section.Key) is not null,
            SectionKind.Questions => section.Questions.Any(q => postmortem.CurrentText(q.Key) is not null),
            SectionKind.Metrics => postmortem.Metrics.Count > 0,
            SectionKind.Timeline => postmortem.Timeline.Count > 0,
            SectionKind.Whys => writer.Tree.Whys.Count > 0,
            SectionKind.Actions => postmortem.Lessons.Any(l => !l.Retracted),
            _ => false,
        };
    }

    private static void Questions(MarkdownWriter writer, TemplateSection section)
    {
        var figures = writer.Postmortem.TimelineFigures;
        foreach (var question in section.Questions)
        {
            writer.Paragraph($"### {MarkdownText.Heading(question.Title)}");
            writer.Paragraph($"**{MarkdownText.Inline(Facilitator.QuestionText(question, figures))}**");
            var answer = writer.Postmortem.FindSection(question.Key);
            if (answer is { Skipped: true })
            {
                if (answer.Current is null)
                {
                    writer.Paragraph(NotWrittenYet);
                    continue;
                }

                writer.Paragraph(SkippedSoFar);
            }

            writer.Body(answer?.Current?.Text);
        }
    }
}
