using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Blameless;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// <c>/postmortem action corrective|item|edit|complete|drop|reopen</c>: long-term corrective actions under a lesson
/// (5a) and short-term action items under a corrective action (5a-i) with an owner (a member) and a due date in the
/// guild's calendar: not in the past, with a warning beyond the short-term horizon.
/// </summary>
public sealed class ActionCommand(PostmortemAccess access, PostmortemCommandRunner runner, DueDateRules dueDates) : SlashCommandHandler
{
    public const string LessonOption = "lesson";
    public const string CorrectiveOption = "corrective";
    public const string ItemOption = "item";
    public const string TextOption = "text";
    public const string OwnerOption = "owner";
    public const string DueOption = "due";
    public const string EvidenceOption = "evidence";
    public const string ReasonOption = "reason";

    private const string NoSuchItem = "That action item does not exist (any more); pick one from the suggestions.";

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "action",
        Description = "Corrective actions and action items",
        Options =
        [
            PostmortemCommand.Subcommand(
                "corrective",
                "Add a long-term corrective action to a lesson",
                Label(LessonOption, "Lesson, e.g. 5"),
                Text("The corrective action", required: true),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "item",
                "Add a short-term action item",
                Label(CorrectiveOption, "Corrective action, e.g. 5a"),
                Text("The action item", required: true),
                Owner(),
                Due(),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "edit",
                "Change an action item",
                Label(ItemOption, "e.g. 5a-i"),
                Text("New text", required: false),
                Owner(),
                Due(),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "complete",
                "Mark an action item done",
                Label(ItemOption, "e.g. 5a-i"),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = EvidenceOption, Description = "Link or note showing it is done", MaxLength = Limits.MaxReasonLength },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "drop",
                "Drop an action item, saying why",
                Label(ItemOption, "e.g. 5a-i"),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = ReasonOption, Description = "Why it is dropped", Required = true, MinLength = 1, MaxLength = Limits.MaxReasonLength },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "reopen",
                "Reopen a done or dropped item",
                Label(ItemOption, "e.g. 5a-i"),
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

        await (context.Data.GetSubcommand() switch
        {
            "corrective" => CorrectiveAsync(context, postmortem, cancellationToken),
            "item" => ItemAsync(context, postmortem, cancellationToken),
            "edit" => EditAsync(context, postmortem, cancellationToken),
            _ => CloseAsync(context, postmortem, cancellationToken),
        });
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, (postmortem, option, typed) => option switch
        {
            LessonOption => ActionLabels.SuggestLessons(postmortem, typed),
            CorrectiveOption => ActionLabels.SuggestCorrectiveActions(postmortem, typed),
            _ => ActionLabels.SuggestActionItems(postmortem, typed, openOnly: context.Data.GetSubcommand() is "complete" or "drop"),
        }, cancellationToken);

    /// <summary>The member a USER option names, as the engine knows people (server nickname first); null when not given.</summary>
    public static UserRef? Owner(InteractionContext context, string option, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        error = null;
        if (context.Data.GetUser(option) is not { } user)
        {
            return null;
        }

        if (user.Bot == true)
        {
            error = "Action items are owned by people, not apps. Nothing was changed.";
            return null;
        }

        return new UserRef(user.Id.ToString(), context.Data.GetMember(option)?.Nick ?? user.DisplayName);
    }

    private async Task CorrectiveAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (ActionLabels.FindLesson(postmortem, context.Data.GetString(LessonOption)) is not { } lesson)
        {
            await context.FailAsync("That lesson does not exist (any more); pick one from the suggestions.", cancellationToken);
            return;
        }

        var text = context.Data.GetString(TextOption) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddCorrectiveAction(lesson.Id, text), cancellationToken);
        await ReplyAsync(
            context,
            outcome,
            id => LessonNudges.With(
                $"Added corrective action **{outcome.Postmortem!.FindCorrectiveAction(id)!.Label}** to lesson {lesson.Label}. "
                + "Next: at least one short-term action item with an owner and a due date (`/postmortem action item`).",
                text,
                "the corrective action",
                ThreadNames.Of(outcome.Postmortem!, context),
                BlamelessPlace.ActionItem),
            null,
            cancellationToken);
    }

    private async Task ItemAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (ActionLabels.FindCorrectiveAction(postmortem, context.Data.GetString(CorrectiveOption)) is not { } action)
        {
            await context.FailAsync("That corrective action does not exist (any more); pick one from the suggestions.", cancellationToken);
            return;
        }

        var owner = Owner(context, OwnerOption, out var ownerError);
        var due = await dueDates.CheckAsync(postmortem, context.Data.GetString(DueOption), cancellationToken);
        if ((ownerError ?? due.Error) is { } problem)
        {
            await context.FailAsync(problem, cancellationToken);
            return;
        }

        var text = context.Data.GetString(TextOption) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddActionItem(action.Id, text, owner, due.Due), cancellationToken);
        var gaps = (owner is null ? " It has no owner yet." : "") + (due.Due is null ? " It has no due date yet." : "");
        await ReplyAsync(
            context,
            outcome,
            id => outcome.Postmortem!.FindActionItem(id) is { } added
                ? LessonNudges.With($"Added action item **{added.Label}**: {Describe(added)}.{gaps}", text, "the action item", ThreadNames.Of(outcome.Postmortem!, context), BlamelessPlace.ActionItem)
                : "Added the action item.",
            due.Warning,
            cancellationToken);
    }

    private async Task EditAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (ActionLabels.FindActionItem(postmortem, context.Data.GetString(ItemOption)) is not { } item)
        {
            await context.FailAsync(NoSuchItem, cancellationToken);
            return;
        }

        var owner = Owner(context, OwnerOption, out var ownerError) ?? item.Owner;
        var typedDue = context.Data.GetString(DueOption);
        var due = await dueDates.CheckAsync(postmortem, typedDue, cancellationToken);
        if ((ownerError ?? due.Error) is { } problem)
        {
            await context.FailAsync(problem, cancellationToken);
            return;
        }

        var text = context.Data.GetString(TextOption) is { Length: > 0 } newText ? newText : item.Text;
        var command = new EditActionItem(item.Id, text, owner, string.IsNullOrWhiteSpace(typedDue) ? item.Due : due.Due);
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        await ReplyAsync(context, outcome, id => $"Updated action item **{item.Label}**: {Describe(outcome.Postmortem!.FindActionItem(id)!)}.", due.Warning, cancellationToken);
    }

    private async Task CloseAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (ActionLabels.FindActionItem(postmortem, context.Data.GetString(ItemOption)) is not { } item)
        {
            await context.FailAsync(NoSuchItem, cancellationToken);
            return;
        }

        var (command, done) = context.Data.GetSubcommand() switch
        {
            "complete" => ((Core.Commands.PostmortemCommand)new CompleteActionItem(item.Id, context.Data.GetString(EvidenceOption)), $"Action item **{item.Label}** is done. ✅"),
            "drop" => (new DropActionItem(item.Id, context.Data.GetString(ReasonOption) ?? ""), $"Action item **{item.Label}** is dropped; the reason is kept in the document."),
            _ => (new ReopenActionItem(item.Id), $"Action item **{item.Label}** is open again."),
        };
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        await ReplyAsync(context, outcome, _ => done, null, cancellationToken);
    }

    private static string Describe(ActionItem item) =>
        $"{DiscordMarkdown.Escape(DiscordMarkdown.Truncate(item.Text, 300), singleLine: true)} · "
        + $"{(item.Owner is { } o ? "owner " + DiscordMarkdown.Escape(o.DisplayName, singleLine: true) : "no owner")} · "
        + $"{(item.Due is { } d ? "due " + DueDates.Format(d) : "no due date")}";

    private static Task ReplyAsync(InteractionContext context, CommandOutcome outcome, Func<int, string> done, string? warning, CancellationToken cancellationToken) =>
        outcome is { Succeeded: true, Result.CreatedId: { } id }
            ? context.ReplyEphemeralAsync(
                DiscordMarkdown.Truncate(warning is null ? done(id) : done(id) + "\n" + warning, DiscordLimits.MessageContent), cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);

    private static ApplicationCommandOption Label(string name, string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = true,
        Autocomplete = true,
        MaxLength = 20,
    };

    private static ApplicationCommandOption Text(string description, bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = TextOption,
        Description = description,
        Required = required ? true : null,
        MinLength = 1,
        MaxLength = Limits.MaxTextLength,
    };

    private static ApplicationCommandOption Owner() =>
        new() { Type = ApplicationCommandOptionType.User, Name = OwnerOption, Description = "Who owns it" };

    private static ApplicationCommandOption Due() =>
        new() { Type = ApplicationCommandOptionType.String, Name = DueOption, Description = $"Due date, e.g. {DueDates.Example} (server calendar)", MaxLength = 20 };
}
