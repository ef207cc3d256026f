using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;

namespace Postmortem.Terminal.Rendering;

/// <summary>One section or question: its prompt, guidance and current answer.</summary>
public static class SectionView
{
    public static void WriteText(TerminalWriter output, Core.Postmortem postmortem, TemplateSection section, TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(section);
        Write(output, postmortem, section.Key, section.Title, section.Prompt, section.Guidance, time);
    }

    public static void WriteQuestion(TerminalWriter output, Core.Postmortem postmortem, TemplateQuestion question, TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(question);
        var prompt = Facilitator.QuestionText(question, postmortem.TimelineFigures);
        Write(output, postmortem, question.Key, question.Title, prompt, question.Guidance, time);
    }

    public static void WriteQuestions(TerminalWriter output, Core.Postmortem postmortem, TemplateSection section, TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(section);
        output.Heading($"{section.Title} [{section.Key}]");
        output.Block(section.Prompt, 2);
        foreach (var question in section.Questions)
        {
            output.Line();
            WriteQuestion(output, postmortem, question, time);
        }
    }

    private static void Write(
        TerminalWriter output,
        Core.Postmortem postmortem,
        string key,
        string title,
        string prompt,
        string guidance,
        TimeDisplay time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(time);
        output.Heading($"{title} [{key}]");
        output.Block(prompt, 2);
        if (guidance.Length > 0)
        {
            output.Faint($"  ({guidance})");
        }

        var answer = postmortem.FindSection(key);
        if (answer is { Skipped: true })
        {
            output.Line($"  Skipped{(answer.SkipReason is { } reason ? $": {reason}" : "")}.");
        }

        if (answer?.Current is not { } current)
        {
            output.Line("  Not written yet.");
            return;
        }

        output.Faint($"  -- revision {current.Number} by {current.Author.DisplayName}, {time.FormatWithZone(current.At)} --");
        output.Block(current.Text, 4);
    }
}
