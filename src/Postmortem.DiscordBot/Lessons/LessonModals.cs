using System.Globalization;
using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Blameless;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// The buttons of the lessons prompts and the forms they open: Add lesson (<c>lesson-add:{postmortem}</c>), Add
/// corrective action (<c>corrective-add:{postmortem}:{lesson}</c>) and I'll own one
/// (<c>item-own:{postmortem}:{corrective action}</c>: an action item owned by whoever pressed it, or by the member
/// whose name they type in the form's Owner field).
/// </summary>
public sealed class LessonModals(
    PostmortemAccess access,
    PostmortemCommandRunner runner,
    PostmortemService service,
    PromptView prompts,
    DueDateRules dueDates,
    OwnerLookup owners) : IComponentHandler, IModalHandler
{
    public const string LessonPrefix = "lesson-add";
    public const string CorrectivePrefix = "corrective-add";
    public const string ItemPrefix = "item-own";
    public const string TextField = "text";
    public const string RootCausesField = "root-causes";
    public const string DueField = "due";
    public const string OwnerField = "owner";

    public IReadOnlyCollection<string> Prefixes { get; } = [LessonPrefix, CorrectivePrefix, ItemPrefix];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: true, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (postmortem.IsReadOnly)
        {
            await context.FailAsync(UserError.ReadOnly().Message, cancellationToken);
            return;
        }

        var targetId = customId.TryGetInt(1, out var parsed) ? parsed : 0;
        if (context.Interaction.Type == InteractionType.MessageComponent)
        {
            await (Build(postmortem, customId.Prefix, targetId) is { } modal
                ? context.ShowModalAsync(modal, cancellationToken)
                : context.FailAsync("This was removed in the meantime.", cancellationToken));
            return;
        }

        await (customId.Prefix switch
        {
            LessonPrefix => AddLessonAsync(context, postmortem, cancellationToken),
            CorrectivePrefix => AddCorrectiveActionAsync(context, postmortem, targetId, cancellationToken),
            _ => AddOwnItemAsync(context, postmortem, targetId, cancellationToken),
        });
    }

    private static ModalData? Build(Core.Postmortem postmortem, string prefix, int targetId)
    {
        switch (prefix)
        {
            case LessonPrefix:
                return new ModalData(
                    CustomId.For(LessonPrefix, postmortem.Id),
                    "Add a lesson learned",
                    [
                        Text("What we learned", "A lesson reflects one or more root causes of the Five Whys."),
                        new Label(
                            "Root causes it reflects",
                            new TextInput { CustomId = RootCausesField, Style = TextInputStyle.Short, MaxLength = 100, Required = false, Placeholder = "e.g. 1.1a, 1.2a" }),
                    ]);
            case CorrectivePrefix when postmortem.FindLesson(targetId) is { Retracted: false } lesson:
                return new ModalData(
                    CustomId.For(CorrectivePrefix, postmortem.Id, Id(lesson.Id)),
                    $"Corrective action for lesson {lesson.Label}",
                    [Text("Long-term corrective action", DiscordMarkdown.Truncate($"Lesson {lesson.Label}: {lesson.Text.ReplaceLineEndings(" ")}", DiscordLimits.LabelDescription))]);
            case ItemPrefix when postmortem.FindCorrectiveAction(targetId) is { } action && !postmortem.IsHidden(action):
                return new ModalData(
                    CustomId.For(ItemPrefix, postmortem.Id, Id(action.Id)),
                    $"Action item for {action.Label}",
                    [
                        Text("Short-term action item", DiscordMarkdown.Truncate($"{action.Label}: {action.Text.ReplaceLineEndings(" ")}", DiscordLimits.LabelDescription)),
                        new Label("Due date", new TextInput { CustomId = DueField, Style = TextInputStyle.Short, MinLength = 10, MaxLength = 10, Required = true, Placeholder = DueDates.Example })
                        {
                            Description = "In the server's calendar; within 90 days, ideally much less.",
                        },
                        new Label("Owner", new TextInput { CustomId = OwnerField, Style = TextInputStyle.Short, MaxLength = 32, Required = false, Placeholder = "empty: you" })
                        {
                            Description = "Someone else? Their username, or the start of it.",
                        },
                    ]);
            default:
                return null;
        }
    }

    private async Task AddLessonAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var fields = context.Data.GetModalFields();
        IReadOnlyList<int> rootCauses = [];
        if (fields.GetValueOrDefault(RootCausesField)?.Value is { Length: > 0 } typed
            && LessonCommand.ParseRootCauses(postmortem, typed, out rootCauses) is { } problem)
        {
            await context.FailAsync(problem, cancellationToken);
            return;
        }

        var text = fields.GetValueOrDefault(TextField)?.Value ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddLesson(text, rootCauses), cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id })
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);
            return;
        }

        var done = LessonNudges.With($"Added lesson **{updated.FindLesson(id)!.Label}**. Next: its corrective actions.", text, "the lesson", ThreadNames.Of(updated, context));
        var template = service.TemplateFor(updated);
        if (context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral)
            && template.FirstOfKind(SectionKind.Actions) is { } section && TemplateItems.Of(template).Find(section.Key) is { } item)
        {
            await context.UpdateMessageAsync(prompts.Render(updated, template, item), cancellationToken);
            context.AfterResponse(ct => context.FollowupEphemeralAsync(done, cancellationToken: ct));
            return;
        }

        await context.ReplyEphemeralAsync(done, cancellationToken: cancellationToken);
    }

    private async Task AddCorrectiveActionAsync(InteractionContext context, Core.Postmortem postmortem, int lessonId, CancellationToken cancellationToken)
    {
        var text = context.Data.GetModalValue(TextField) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddCorrectiveAction(lessonId, text), cancellationToken);
        await (outcome is { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id }
            ? context.ReplyEphemeralAsync(
                LessonNudges.With(
                    $"Added corrective action **{updated.FindCorrectiveAction(id)!.Label}**. Next: an action item with an owner and a due date.", text, "the corrective action",
                    ThreadNames.Of(updated, context), BlamelessPlace.ActionItem),
                cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken));
    }

    private async Task AddOwnItemAsync(InteractionContext context, Core.Postmortem postmortem, int actionId, CancellationToken cancellationToken)
    {
        var fields = context.Data.GetModalFields();
        var due = await dueDates.CheckAsync(postmortem, fields.GetValueOrDefault(DueField)?.Value, cancellationToken);
        if (due.Error is { } problem)
        {
            await context.FailAsync(problem, cancellationToken);
            return;
        }

        var owner = context.Actor;
        if (fields.GetValueOrDefault(OwnerField)?.Value is { } typed && !string.IsNullOrWhiteSpace(typed))
        {
            var (found, error) = await owners.FindAsync(context, typed, cancellationToken);
            if (found is null)
            {
                await context.FailAsync(error!, cancellationToken);
                return;
            }

            owner = found;
        }

        var text = fields.GetValueOrDefault(TextField)?.Value ?? "";
        var command = new AddActionItem(actionId, text, owner, due.Due);
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id })
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);
            return;
        }

        var item = updated.FindActionItem(id)!;
        var ownedBy = owner.Id == context.Actor.Id ? "you" : DiscordMarkdown.Escape(owner.DisplayName, singleLine: true);
        var done = $"Added action item **{item.Label}**, owned by {ownedBy}{(item.Due is { } d ? $", due {DueDates.Format(d)}" : "")}.";
        await context.ReplyEphemeralAsync(LessonNudges.With(due.Warning is null ? done : done + "\n" + due.Warning, text, "the action item", ThreadNames.Of(updated, context), BlamelessPlace.ActionItem), cancellationToken: cancellationToken);
    }

    private static Label Text(string label, string description) =>
        new(label, new TextInput { CustomId = TextField, Style = TextInputStyle.Paragraph, MinLength = 1, MaxLength = Limits.MaxTextLength, Required = true })
        {
            Description = description,
        };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
