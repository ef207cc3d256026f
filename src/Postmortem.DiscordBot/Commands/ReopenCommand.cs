using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Commands;

/// <summary><c>/postmortem reopen [id]</c>: back to Draft (facilitator only; the engine enforces it).</summary>
public sealed class ReopenCommand(PostmortemAccess access, PostmortemCommandRunner runner, StatusChanges changes) : SlashCommandHandler
{
    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "reopen", "Make a final or in-review postmortem a draft again (facilitator only)", PostmortemCommand.PostmortemIdOption);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new Core.Postmortems.Reopen(), cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem is not { } reopened)
        {
            await context.FailAsync(outcome.Result.Message ?? "The postmortem was not reopened.", cancellationToken);
            return;
        }

        await changes.AnnounceAsync(
            context,
            reopened,
            $"🔓 **{DiscordMarkdown.Escape(reopened.Title, singleLine: true)}** was reopened by "
            + $"{DiscordMarkdown.Escape(context.Actor.DisplayName, singleLine: true)} and is a draft again.",
            cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);
}
