using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.FiveWhys;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// <c>/postmortem lesson add|edit|remove</c>: lessons learned, numbered like the template (5), each optionally
/// linked to the root-cause answers it reflects (<c>root-causes: 1.1a, 1.2a</c>, suggested as you type).
/// </summary>
public sealed class LessonCommand(PostmortemAccess access, PostmortemCommandRunner runner) : SlashCommandHandler
{
    public const string TextOption = "text";
    public const string RootCausesOption = "root-causes";
    public const string LessonOption = "lesson";

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "lesson",
        Description = "Lessons learned",
        Options =
        [
            PostmortemCommand.Subcommand("add", "Add a lesson learned", Text(required: true), RootCauses(), PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "edit",
                "Reword a lesson or change its root causes",
                Lesson(),
                Text(required: false),
                RootCauses(),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("remove", "Remove a lesson (numbers stay)", Lesson(), PostmortemCommand.PostmortemIdOption),
        ],
    };

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var subcommand = context.Data.GetSubcommand();
        IReadOnlyList<int>? rootCauses = null;
        if (context.Data.GetString(RootCausesOption) is { Length: > 0 } typed)
        {
            if (ParseRootCauses(postmortem, typed, out var ids) is { } problem)
            {
                await context.FailAsync(problem, cancellationToken);
                return;
            }

            rootCauses = ids;
        }

        if (subcommand == "add")
        {
            var added = context.Data.GetString(TextOption) ?? "";
            var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddLesson(added, rootCauses ?? []), cancellationToken);
            await Reply(
                context,
                outcome,
                id => LessonNudges.With($"Added lesson **{outcome.Postmortem!.FindLesson(id)!.Label}**. Next: its corrective actions (`/postmortem action corrective`).", added, "the lesson", ThreadNames.Of(outcome.Postmortem!, context)),
                cancellationToken);
            return;
        }

        if (ActionLabels.FindLesson(postmortem, context.Data.GetString(LessonOption)) is not { } lesson)
        {
            await context.FailAsync("That lesson does not exist (any more); pick one from the suggestions.", cancellationToken);
            return;
        }

        if (subcommand == "edit")
        {
            var text = context.Data.GetString(TextOption) is { Length: > 0 } newText ? newText : lesson.Text;
            var outcome = await runner.ExecuteAsync(context, postmortem.Id, new EditLesson(lesson.Id, text, rootCauses), cancellationToken);
            await Reply(context, outcome, _ => LessonNudges.With($"Updated lesson **{lesson.Label}**.", text, $"lesson {lesson.Label}", ThreadNames.Of(outcome.Postmortem ?? postmortem, context)), cancellationToken);
            return;
        }

        var removed = await runner.ExecuteAsync(context, postmortem.Id, new RetractLesson(lesson.Id), cancellationToken);
        await Reply(context, removed, _ => $"Removed lesson **{lesson.Label}** and its actions; no number is reused.", cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, static (postmortem, option, typed) =>
            option == LessonOption ? ActionLabels.SuggestLessons(postmortem, typed) : SuggestRootCauses(postmortem, typed), cancellationToken);

    /// <summary>Answer labels ("1.1a, 1.2a" or "1.1a 1.2a") to answer ids; a problem to show when one is unknown.</summary>
    public static string? ParseRootCauses(Core.Postmortem postmortem, string typed, out IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(typed);
        var found = new List<int>();
        ids = found;
        foreach (var label in typed.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (WhyPaths.FindAnswer(postmortem, label) is not { } answer)
            {
                return $"There is no answer \"{DiscordMarkdown.Escape(label, singleLine: true)}\" in the Five Whys; root causes are answers such as 1.2a. Nothing was changed.";
            }

            found.Add(answer.Id);
        }

        return null;
    }

    // Completes the last label of a list, suggesting root causes first: "1.1a, 1." offers "1.1a, 1.2a".
    private static IEnumerable<ApplicationCommandChoice> SuggestRootCauses(Core.Postmortem postmortem, string? typed)
    {
        var text = typed ?? "";
        var cut = text.LastIndexOfAny([',', ' ', ';']);
        var done = cut < 0 ? "" : text[..(cut + 1)].TrimEnd().TrimEnd(',');
        var prefix = done.Length == 0 ? "" : done + ", ";
        return WhyPaths.SuggestAnswers(postmortem, text[(cut + 1)..], rootCausesFirst: true)
            .Where(c => prefix.Length + c.ValueText.Length <= 100)
            .Select(c => ApplicationCommandChoice.Create(DiscordMarkdown.Truncate(prefix + c.Name, DiscordLimits.ChoiceName), prefix + c.ValueText));
    }

    private static Task Reply(InteractionContext context, Core.Application.CommandOutcome outcome, Func<int, string> done, CancellationToken cancellationToken) =>
        outcome is { Succeeded: true, Result.CreatedId: { } id }
            ? context.ReplyEphemeralAsync(done(id), cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);

    private static ApplicationCommandOption Text(bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = TextOption,
        Description = "What we learned",
        Required = required ? true : null,
        MinLength = 1,
        MaxLength = Limits.MaxTextLength,
    };

    private static ApplicationCommandOption RootCauses() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = RootCausesOption,
        Description = "Root-cause answers it reflects, e.g. 1.1a, 1.2a",
        Autocomplete = true,
        MaxLength = 100,
    };

    private static ApplicationCommandOption Lesson() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = LessonOption,
        Description = "Which lesson, e.g. 5",
        Required = true,
        Autocomplete = true,
        MaxLength = 20,
    };
}
