using Postmortem.Core.FiveWhys;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>
/// The Five Whys tree: whys are numbered 1, 2, 1.1, 1.2.1 and their answers lettered 1a, 1.2b. A follow-up why
/// is asked from an answer, so an answer with two causes can open two branches.
/// </summary>
public static class WhyVerbs
{
    public static readonly Verb View = new("whys", "whys", "Show the Five Whys tree (unanswered whys listed first).", ViewAsync);

    public static readonly Verb Ask = new(
        "why ask",
        "why ask [<answer, e.g. 1.2a>] <question>",
        "Ask a top-level why, or a follow-up why sparked by an answer.",
        AskAsync);

    public static readonly Verb AnswerVerb = new(
        "why answer",
        "why answer <why, e.g. 1.2> [<answer>]",
        "Answer a why (a why may have several answers); without text, the following lines up to \".\" are the answer.",
        AnswerAsync)
    {
        TakesBlock = arguments => arguments.Count <= 1,
    };

    public static readonly Verb Root = new("why root", "why root <answer, e.g. 1.2a>", "Mark an answer as a root cause.", (s, a, ct) => MarkAsync(s, a, true, ct));

    public static readonly Verb Unroot = new("why unroot", "why unroot <answer>", "Unmark a root cause.", (s, a, ct) => MarkAsync(s, a, false, ct));

    public static readonly Verb Edit = new("why edit", "why edit <why or answer> <new text>", "Reword a why or an answer.", EditAsync);

    public static readonly Verb Retract = new(
        "why retract", "why retract <why or answer>", "Retract a why or an answer and what hangs below it; numbers are never reused.", RetractAsync);

    public static IReadOnlyList<Verb> All { get; } = [View, Ask, AnswerVerb, Root, Unroot, Edit, Retract];

    private static async Task<bool> ViewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        WhysView.Write(session.Out, postmortem, "Five Whys");
        return true;
    }

    private static async Task<bool> AskAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(Ask);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        int? fromAnswer = null;
        var questionIndex = 0;
        if (PathNumbers.IsAnswerLabel(arguments[0]))
        {
            if (PathNumbers.FindAnswer(postmortem, arguments[0], out var answer) is { } error)
            {
                return session.Fail(error);
            }

            fromAnswer = answer.Id;
            questionIndex = 1;
        }
        else if (arguments.Count > 1 && postmortem.Whys.FirstOrDefault(w => w.Path == arguments[0]) is { } why)
        {
            // "why ask 1.2 ..." is almost surely meant as a follow-up; those hang off an answer.
            var answers = postmortem.WhyAnswers.Where(a => a.WhyId == why.Id && !postmortem.IsHidden(a)).Select(a => a.Label).ToList();
            return session.Fail($"Follow-up whys are asked from an answer, e.g. why ask {why.Path}a <question>"
                + (answers.Count > 0 ? $" (answers of why {why.Path}: {string.Join(", ", answers)})." : $"; why {why.Path} has no answer yet."));
        }

        var question = arguments.TextFrom(questionIndex);
        if (question.Length == 0)
        {
            return session.Usage(Ask);
        }

        return await session.ApplyAsync(new AskWhy(fromAnswer, question), cancellationToken) is { } outcome
            && session.Done(outcome, $"Asked why {outcome.Postmortem!.FindWhy(outcome.Result.CreatedId!.Value)!.Path}.", question);
    }

    private static async Task<bool> AnswerAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(AnswerVerb);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindWhy(postmortem, arguments[0], out var why) is { } error)
        {
            return session.Fail(error);
        }

        if (await session.ReadTextAsync(arguments.TextFrom(1), cancellationToken) is not { } text)
        {
            return false;
        }

        return await session.ApplyAsync(new AnswerWhy(why.Id, text), cancellationToken) is { } outcome
            && session.Done(outcome, $"Answered why {why.Path}: {outcome.Postmortem!.FindWhyAnswer(outcome.Result.CreatedId!.Value)!.Label}.", text);
    }

    private static async Task<bool> MarkAsync(TerminalSession session, VerbArguments arguments, bool isRootCause, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(isRootCause ? Root : Unroot);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.FindAnswer(postmortem, arguments[0], out var answer) is { } error)
        {
            return session.Fail(error);
        }

        return await session.ApplyAsync(new MarkRootCause(answer.Id, isRootCause), cancellationToken) is { } outcome
            && session.Done(outcome, isRootCause ? $"Marked {answer.Label} as a root cause." : $"{answer.Label} is no longer a root cause.");
    }

    private static async Task<bool> EditAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var text = arguments.TextFrom(1);
        if (text.Length == 0)
        {
            return session.Usage(Edit);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.IsAnswerLabel(arguments[0]))
        {
            return PathNumbers.FindAnswer(postmortem, arguments[0], out var answer) is { } answerError
                ? session.Fail(answerError)
                : await session.ApplyAsync(new EditWhyAnswer(answer.Id, text, answer.Revision), cancellationToken) is { } edited
                    && session.Done(edited, $"Reworded answer {answer.Label}.", text);
        }

        return PathNumbers.FindWhy(postmortem, arguments[0], out var why) is { } whyError
            ? session.Fail(whyError)
            : await session.ApplyAsync(new EditWhy(why.Id, text, why.Revision), cancellationToken) is { } outcome
                && session.Done(outcome, $"Reworded why {why.Path}.", text);
    }

    private static async Task<bool> RetractAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(Retract);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        if (PathNumbers.IsAnswerLabel(arguments[0]))
        {
            return PathNumbers.FindAnswer(postmortem, arguments[0], out var answer) is { } answerError
                ? session.Fail(answerError)
                : await session.ApplyAsync(new RetractWhyAnswer(answer.Id), cancellationToken) is { } retracted
                    && session.Done(retracted, $"Retracted answer {answer.Label}.");
        }

        return PathNumbers.FindWhy(postmortem, arguments[0], out var why) is { } whyError
            ? session.Fail(whyError)
            : await session.ApplyAsync(new RetractWhy(why.Id), cancellationToken) is { } outcome
                && session.Done(outcome, $"Retracted why {why.Path}.");
    }
}
