using System.Globalization;
using System.Text;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Sections;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// A submitted answer modal: saves a new revision on top of the revision the user saw. On success the prompt
/// message shows the new preview (and the author gets a private blameless nudge if the text names or blames
/// people); if someone saved in between, the user privately gets both texts and a Merge button: nothing is lost.
/// </summary>
public sealed class AnswerSubmitted(
    PostmortemAccess access,
    PostmortemService service,
    PostmortemCommandRunner runner,
    PromptView view) : IModalHandler
{
    public IReadOnlyCollection<string> Prefixes { get; } = [AnswerModal.Prefix];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: true, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var template = service.TemplateFor(postmortem);
        if (TemplateItems.Of(template).Resolve(customId.Arg(1)) is not { IsAnswerable: true } item || !customId.TryGetInt(2, out var revision))
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        var text = context.Data.GetModalValue(AnswerModal.TextField) ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AnswerSection(item.Key, text, revision), cancellationToken);
        var updated = outcome.Postmortem ?? postmortem;
        switch (outcome.Result)
        {
            case { Status: CommandStatus.Rejected, Error: { } error }:
                await context.FailAsync(error.Message, cancellationToken);
                return;
            case { Status: CommandStatus.Conflict, Conflict: { } conflict }:
                await ReplyConflictAsync(context, updated, item, conflict, cancellationToken);
                RedrawSource(context, updated, item);
                return;
        }

        var saved = view.Render(updated, service.TemplateFor(updated), item);
        switch (context.Interaction.Message)
        {
            case { Flags: var flags } when !flags.HasFlag(MessageFlags.Ephemeral):
                await context.UpdateMessageAsync(saved, cancellationToken);
                break;
            case { }:
                // Merged from the private conflict message: close it, and redraw the prompt it came from.
                await context.UpdateMessageAsync(
                    new MessagePayload { Content = $"✅ Saved your merged answer to **{item.Title}**.", Components = [] }, cancellationToken);
                if (Snowflake.TryParse(customId.Arg(3), out var promptId))
                {
                    var thread = context.ChannelId;
                    context.AfterResponse(ct => context.Rest.EditMessageAsync(thread, promptId, saved, ct));
                }

                break;
            default:
                await context.ReplyEphemeralAsync($"Saved your answer to **{item.Title}**.", cancellationToken: cancellationToken);
                break;
        }

        if (BlamelessNudge.For(text, item.Title, ThreadNames.Of(updated, context)) is { } nudge)
        {
            context.AfterResponse(ct => context.FollowupEphemeralAsync(nudge, cancellationToken: ct));
        }
    }

    private Task ReplyConflictAsync(
        InteractionContext context, Core.Postmortem postmortem, TemplateItem item, EditConflict conflict, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .Append("⚠️ **").Append(DiscordMarkdown.Escape(conflict.CurrentAuthor?.DisplayName ?? "Someone", singleLine: true))
            .Append("** saved a newer version of **").Append(item.Title)
            .AppendLine("** while you were editing. Nothing is lost: both versions are below. Press **Merge** to edit them together, then save.")
            .AppendLine()
            .Append("**Their version** (revision ").Append(conflict.CurrentRevision.ToString(CultureInfo.InvariantCulture)).AppendLine("):")
            .AppendLine(conflict.CurrentText)
            .AppendLine()
            .AppendLine("**Your version:**")
            .Append(conflict.SubmittedText);
        var pieces = MessageChunker.Split(DiscordMarkdown.DefuseMassMentions(text.ToString()));
        var reference = TemplateItems.Of(service.TemplateFor(postmortem)).Ref(item.Key);
        var prompt = context.Interaction.Message is { Flags: var flags } source && !flags.HasFlag(MessageFlags.Ephemeral)
            ? source.Id.ToString()
            : context.Data.CustomId is { } own && CustomId.TryParse(own, out var id) ? id.Arg(3) : "";
        Component[] merge =
        [
            new ActionRow([Button.Primary(
                CustomId.For(PromptButtons.MergePrefix, postmortem.Id, reference, conflict.UnmergedEditId.ToString(CultureInfo.InvariantCulture), prompt),
                "Merge")]),
        ];
        return context.ReplyEphemeralPiecesAsync(pieces, merge, cancellationToken);
    }

    // The prompt the modal came from may show an older preview than the one that won; bring it up to date.
    private void RedrawSource(InteractionContext context, Core.Postmortem postmortem, TemplateItem item)
    {
        if (context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral))
        {
            var payload = view.Render(postmortem, service.TemplateFor(postmortem), item);
            context.AfterResponse(ct => context.Rest.EditMessageAsync(source.ChannelId, source.Id, payload, ct));
        }
    }
}
