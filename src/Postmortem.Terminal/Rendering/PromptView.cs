using Postmortem.Core.Facilitation;

namespace Postmortem.Terminal.Rendering;

/// <summary>The facilitator's next question, its guidance and the command that answers it.</summary>
public static class PromptView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(prompt);
        output.Line();
        output.Heading($"Next - {prompt.Title}");
        output.Block(prompt.Text, 2);
        if (prompt.Guidance.Length > 0)
        {
            output.Faint($"  ({prompt.Guidance})");
        }

        output.Line("  > " + Command(postmortem, prompt));
    }

    public static string Command(Core.Postmortem postmortem, FacilitatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Kind switch
        {
            PromptKind.Answer => $"answer {prompt.SectionKey}   (then the text, ending with a line holding only \".\")",
            PromptKind.Metric => "metric table <caption> (then the table, ending with \".\")   or   metric image <url> <caption>",
            PromptKind.Timeline => "timeline add <time> <start|end|detected|mitigated|resolved|note> <what happened>",
            PromptKind.FirstWhy => "why ask <question>",
            PromptKind.AnswerWhy => $"why answer {WhyPath(postmortem, prompt.TargetId)} <answer>",
            PromptKind.RootCause => "why root <answer, e.g. 1.2a>   or dig deeper: why ask <answer> <question>",
            PromptKind.Lesson when prompt.TargetId is { } answerId && postmortem.FindWhyAnswer(answerId) is { } rootCause =>
                $"lesson add <what we learned> --from {rootCause.Label}   or link it: lesson edit <n> <text> --from <answers>",
            PromptKind.Lesson => "lesson add <what we learned> --from <root-cause answers, e.g. 1.2a,2b>",
            PromptKind.CorrectiveAction => $"action add-corrective {LessonLabel(postmortem, prompt.TargetId)} <long-term change>",
            PromptKind.ActionItem =>
                $"action add-item {CorrectiveActionLabel(postmortem, prompt.TargetId)} <short-term step> --owner <name> --due <YYYY-MM-DD>",
            PromptKind.Review => "lint, show, export <file.md>, then submit",
            PromptKind.Finalize => "lint, export <file.md>, then finalize (the facilitator)",
            PromptKind.Final => "actions, then action done <5a-i> [evidence] or action drop <5a-i> <reason>; reopen to change the document",
            _ => "help",
        };
    }

    private static string WhyPath(Core.Postmortem postmortem, int? id) =>
        id is { } whyId && postmortem.FindWhy(whyId) is { } why ? why.Path : "<why>";

    private static string LessonLabel(Core.Postmortem postmortem, int? id) =>
        id is { } lessonId && postmortem.FindLesson(lessonId) is { } lesson ? lesson.Label : "<lesson>";

    private static string CorrectiveActionLabel(Core.Postmortem postmortem, int? id) =>
        id is { } actionId && postmortem.FindCorrectiveAction(actionId) is { } action ? action.Label : "<corrective action>";
}
