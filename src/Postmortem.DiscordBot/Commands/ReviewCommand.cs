using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Commands;

/// <summary><c>/postmortem review [id]</c>: submit the draft for review (discussion before it is finalized).</summary>
public sealed class ReviewCommand(PostmortemAccess access, PostmortemCommandRunner runner, StatusChanges changes) : SlashCommandHandler
{
    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "review", "Submit the draft for review by the team", PostmortemCommand.PostmortemIdOption);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new SubmitForReview(), cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem is not { } inReview)
        {
            await context.FailAsync(outcome.Result.Message ?? "The postmortem was not submitted for review.", cancellationToken);
            return;
        }

        await changes.AnnounceAsync(
            context,
            inReview,
            $"🔎 **{DiscordMarkdown.Escape(inReview.Title, singleLine: true)}** is in review: read it together, look at "
            + "`/postmortem status`, then the facilitator can `/postmortem finalize` it.",
            cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);
}
