using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Terminal.Input;

namespace Postmortem.Terminal.Verbs;

/// <summary>Answering text sections and the incident-response questions, or skipping them for now.</summary>
public static class SectionVerbs
{
    public static readonly Verb Answer = new(
        "answer",
        "answer [<section>] [<text>]",
        "Answer a section or question; without text, the following lines up to a line holding only \".\" are the answer. "
            + "Without a section, answers the facilitator's current question.",
        AnswerAsync)
    {
        TakesBlock = arguments => arguments.Count <= 1,
    };

    public static readonly Verb Skip = new("skip", "skip <section> [<reason>]", "Skip a section or question for now.", SkipAsync);

    public static readonly Verb Unskip = new("unskip", "unskip <section>", "Bring a skipped section back.", UnskipAsync);

    public static IReadOnlyList<Verb> All { get; } = [Answer, Skip, Unskip];

    private static readonly string[] _paragraphCodes = [LintCodes.TooManyParagraphs, LintCodes.TooFewParagraphs];

    private static async Task<bool> AnswerAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        var template = session.TemplateFor(postmortem);
        string key;
        string title;
        if (arguments.Count == 0)
        {
            var next = Facilitator.NextPrompt(postmortem, template);
            if (next.Kind != PromptKind.Answer)
            {
                return session.Fail("The facilitator's next question is not a text answer (type next to see it); name the section: answer <section>.");
            }

            (key, title) = (next.SectionKey, next.Title);
        }
        else if (!SectionKeys.TryFind(template, arguments[0], out var section, out var question))
        {
            return session.Fail(SectionKeys.Unknown(template, arguments[0]));
        }
        else if (question is not null)
        {
            (key, title) = (question.Key, question.Title);
        }
        else if (section!.Kind == SectionKind.Text)
        {
            (key, title) = (section.Key, section.Title);
        }
        else
        {
            return session.Fail($"{section.Title} is not answered with text; {HowToFill(section)}");
        }

        // The revision the person saw when they started writing: if someone saves meanwhile, both texts are kept.
        var baseRevision = postmortem.FindSection(key)?.CurrentRevision ?? 0;
        if (await session.ReadTextAsync(arguments.TextFrom(1), cancellationToken) is not { } text)
        {
            return false;
        }

        if (await session.ApplyAsync(new AnswerSection(key, text, baseRevision), cancellationToken) is not { } outcome)
        {
            return false;
        }

        var revision = outcome.Result.CreatedId ?? 0;
        var message = revision == baseRevision ? $"{title} is unchanged (revision {revision})." : $"Saved {title} (revision {revision}).";
        var notes = Linter.Lint(outcome.Postmortem!, template, session.LintOptions)
            .Where(f => f.SectionKey == key && _paragraphCodes.Contains(f.Code))
            .Select(f => f.Message);
        return session.Done(outcome, message, text, notes);
    }

    private static async Task<bool> SkipAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(Skip);
        }

        if (await FindKeyAsync(session, arguments[0], cancellationToken) is not { } target)
        {
            return false;
        }

        var reason = arguments.TextFrom(1);
        return await session.ApplyAsync(new SkipSection(target.Key, reason.Length == 0 ? null : reason), cancellationToken) is { } outcome
            && session.Done(outcome, $"Skipped {target.Title} for now.");
    }

    private static async Task<bool> UnskipAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            return session.Usage(Unskip);
        }

        return await FindKeyAsync(session, arguments[0], cancellationToken) is { } target
            && await session.ApplyAsync(new UnskipSection(target.Key), cancellationToken) is { } outcome
            && session.Done(outcome, $"{target.Title} is back.");
    }

    private static async Task<(string Key, string Title)?> FindKeyAsync(TerminalSession session, string input, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return null;
        }

        var template = session.TemplateFor(postmortem);
        if (!SectionKeys.TryFind(template, input, out var section, out var question))
        {
            session.Fail(SectionKeys.Unknown(template, input));
            return null;
        }

        return question is not null ? (question.Key, question.Title) : (section!.Key, section.Title);
    }

    private static string HowToFill(TemplateSection section) => section.Kind switch
    {
        SectionKind.Questions => $"answer each question, e.g. answer {section.Questions[0].Key}.",
        SectionKind.Metrics => "use metric table <caption> or metric image <url> <caption>.",
        SectionKind.Timeline => "use timeline add <time> <kind> <text>.",
        SectionKind.Whys => "use why ask <question> and why answer <why> <text>.",
        SectionKind.Actions => "use lesson add, action add-corrective and action add-item.",
        _ => "see help.",
    };
}
