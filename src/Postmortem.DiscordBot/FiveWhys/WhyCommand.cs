using Postmortem.Core.FiveWhys;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// <c>/postmortem why ask|answer|edit|root-cause|retract</c>: the Five Whys by command, with whys and answers
/// named by their numbers (autocomplete). New whys and answers are posted in the whys thread; edits, root-cause
/// marks and retractions redraw their messages there.
/// </summary>
public sealed class WhyCommand(PostmortemAccess access, PostmortemCommandRunner runner, WhysThread whys, WhyReplies replies) : SlashCommandHandler
{
    public const string QuestionOption = "question";
    public const string FromOption = "from";
    public const string WhyOption = "why";
    public const string TextOption = "text";
    public const string NodeOption = "node";
    public const string AnswerOption = "answer";
    public const string MarkOption = "mark";

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "why",
        Description = "Five Whys: ask, answer, edit, mark root causes",
        Options =
        [
            PostmortemCommand.Subcommand(
                "ask",
                "Ask a why, top-level or about an answer",
                Text(QuestionOption, "Why…?"),
                Node(FromOption, "Answer it follows, e.g. 1.2a", required: false),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "answer",
                "Answer a why",
                Node(WhyOption, "Why to answer, e.g. 1.2"),
                Text(TextOption, "Because…"),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "edit",
                "Reword a why or an answer",
                Node(NodeOption, "e.g. 1.2 or 1.2a"),
                Text(TextOption, "New text"),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "root-cause",
                "Mark an answer as a root cause",
                Node(AnswerOption, "e.g. 1.2a"),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = MarkOption, Description = "False to unmark" },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "retract",
                "Hide a why or answer (numbers stay)",
                Node(NodeOption, "e.g. 1.2 or 1.2a"),
                PostmortemCommand.PostmortemIdOption),
        ],
    };

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var data = context.Data;
        await (data.GetSubcommand() switch
        {
            "ask" => AskAsync(context, postmortem, cancellationToken),
            "answer" => AnswerAsync(context, postmortem, cancellationToken),
            "edit" => EditAsync(context, postmortem, cancellationToken),
            "root-cause" => RootCauseAsync(context, postmortem, cancellationToken),
            _ => RetractAsync(context, postmortem, cancellationToken),
        });
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, static (postmortem, option, typed) => option switch
        {
            FromOption or AnswerOption => WhyPaths.SuggestAnswers(postmortem, typed),
            WhyOption => WhyPaths.SuggestWhys(postmortem, typed),
            _ => WhyPaths.SuggestNodes(postmortem, typed),
        }, cancellationToken);

    private async Task AskAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        int? fromId = null;
        if (context.Data.GetString(FromOption) is { Length: > 0 } from)
        {
            if (WhyPaths.FindAnswer(postmortem, from) is not { } answer)
            {
                await context.FailAsync(NoSuch("answer", from), cancellationToken);
                return;
            }

            fromId = answer.Id;
        }

        var question = context.Data.GetString(QuestionOption) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AskWhy(fromId, question), cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } whyId })
        {
            await context.FailAsync(outcome.Result.Message ?? "The why was not saved.", cancellationToken);
            return;
        }

        var why = updated.FindWhy(whyId)!;
        await replies.PublishAsync(context, updated, $"**Why {why.Path}**", ct => whys.PostAsync(updated, why, ct), cancellationToken);
        WhySubmitted.Nudge(context, updated, question, $"Why {why.Path}");
    }

    private async Task AnswerAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var typed = context.Data.GetString(WhyOption);
        if (WhyPaths.FindWhy(postmortem, typed) is not { } why)
        {
            await context.FailAsync(NoSuch("why", typed), cancellationToken);
            return;
        }

        var text = context.Data.GetString(TextOption) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AnswerWhy(why.Id, text), cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } answerId })
        {
            await context.FailAsync(outcome.Result.Message ?? "The answer was not saved.", cancellationToken);
            return;
        }

        var answer = updated.FindWhyAnswer(answerId)!;
        await replies.PublishAsync(context, updated, $"answer **{answer.Label}**", ct => whys.PostAsync(updated, answer, ct), cancellationToken);
        WhySubmitted.Nudge(context, updated, text, answer.Label);
    }

    private async Task EditAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var typed = context.Data.GetString(NodeOption);
        var text = context.Data.GetString(TextOption) ?? "";
        if (WhyPaths.FindWhy(postmortem, typed) is { } why)
        {
            await ChangeAsync(context, postmortem, new EditWhy(why.Id, text), $"Reworded **Why {why.Path}**.", Redraw(why), cancellationToken);
            WhySubmitted.Nudge(context, postmortem, text, $"Why {why.Path}");
        }
        else if (WhyPaths.FindAnswer(postmortem, typed) is { } answer)
        {
            await ChangeAsync(context, postmortem, new EditWhyAnswer(answer.Id, text), $"Reworded **{answer.Label}**.", Redraw(answer), cancellationToken);
            WhySubmitted.Nudge(context, postmortem, text, answer.Label);
        }
        else
        {
            await context.FailAsync(NoSuch("why or answer", typed), cancellationToken);
        }
    }

    private async Task RootCauseAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var typed = context.Data.GetString(AnswerOption);
        if (WhyPaths.FindAnswer(postmortem, typed) is not { } answer)
        {
            await context.FailAsync(NoSuch("answer", typed), cancellationToken);
            return;
        }

        var mark = context.Data.GetBoolean(MarkOption) ?? true;
        await ChangeAsync(
            context,
            postmortem,
            new MarkRootCause(answer.Id, mark),
            mark ? $"Marked **{answer.Label}** as a root cause 🎯." : $"**{answer.Label}** is no longer a root cause.",
            Redraw(answer),
            cancellationToken);
    }

    private async Task RetractAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var typed = context.Data.GetString(NodeOption);
        if (WhyPaths.FindWhy(postmortem, typed) is { } why)
        {
            var done = $"Retracted **Why {why.Path}** and everything below it; no number is reused.";
            await ChangeAsync(context, postmortem, new RetractWhy(why.Id), done, Redraw(why), cancellationToken);
        }
        else if (WhyPaths.FindAnswer(postmortem, typed) is { } answer)
        {
            var done = $"Retracted **{answer.Label}** and the whys it sparked; no number is reused.";
            await ChangeAsync(context, postmortem, new RetractWhyAnswer(answer.Id), done, Redraw(answer), cancellationToken);
        }
        else
        {
            await context.FailAsync(NoSuch("why or answer", typed), cancellationToken);
        }
    }

    // A database change answered at once; redrawing its message in the whys thread follows the answer.
    private async Task ChangeAsync(
        InteractionContext context,
        Core.Postmortem postmortem,
        Core.Commands.PostmortemCommand command,
        string done,
        Func<Core.Postmortem, CancellationToken, Task> redraw,
        CancellationToken cancellationToken)
    {
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem is not { } updated)
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing changed.", cancellationToken);
            return;
        }

        await context.ReplyEphemeralAsync(done, cancellationToken: cancellationToken);
        context.AfterResponse(ct => redraw(updated, ct));
    }

    private Func<Core.Postmortem, CancellationToken, Task> Redraw(Why why) => (p, ct) => whys.RedrawAsync(p, p.FindWhy(why.Id)!, ct);

    private Func<Core.Postmortem, CancellationToken, Task> Redraw(WhyAnswer answer) => (p, ct) => whys.RedrawAsync(p, p.FindWhyAnswer(answer.Id)!, ct);

    private static string NoSuch(string what, string? typed) =>
        $"There is no {what} \"{Messages.DiscordMarkdown.Escape(typed, singleLine: true)}\" here; pick one from the suggestions, or see `/postmortem whys`.";

    private static ApplicationCommandOption Text(string name, string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = true,
        MinLength = 1,
        MaxLength = WhyMessages.MaxText,
    };

    private static ApplicationCommandOption Node(string name, string description, bool required = true) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        Autocomplete = true,
        MaxLength = 40,
    };
}
