using System.Globalization;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// The buttons of a prompt message: Answer (opens the modal), Skip for now (marks it skipped, then asks the next
/// part), Next (asks the next part), Show full answer (the whole text, privately, over as many messages as it
/// takes) and Merge (after a conflict: the modal with both versions).
/// </summary>
public sealed class PromptButtons(
    PostmortemAccess access,
    PostmortemService service,
    PostmortemCommandRunner runner,
    PromptView view) : IComponentHandler
{
    public const string MergePrefix = "merge";

    public IReadOnlyCollection<string> Prefixes { get; } =
        [PromptView.AnswerPrefix, PromptView.SkipPrefix, PromptView.NextPrefix, PromptView.ShowPrefix, MergePrefix];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: true, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var template = service.TemplateFor(postmortem);
        if (TemplateItems.Of(template).Resolve(customId.Arg(1)) is not { } item)
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        await (customId.Prefix switch
        {
            PromptView.AnswerPrefix => OpenModalAsync(context, postmortem, item, mergeWith: null, cancellationToken),
            MergePrefix => OpenModalAsync(context, postmortem, item, MergeText(context, postmortem, customId), cancellationToken, customId.Arg(3)),
            PromptView.SkipPrefix => SkipAsync(context, postmortem, item, cancellationToken),
            PromptView.NextPrefix => context.ReplyAsync(
                view.Render(postmortem, template, PromptNavigator.Next(postmortem, template, item.Key)), cancellationToken),
            _ => ShowAsync(context, postmortem, item, cancellationToken),
        });
    }

    private async Task OpenModalAsync(
        InteractionContext context, Core.Postmortem postmortem, TemplateItem item, string? mergeWith, CancellationToken cancellationToken, string? promptMessageId = null)
    {
        if (!item.IsAnswerable)
        {
            await context.FailAsync($"{item.Title} is not answered with text; it has its own commands.", cancellationToken);
            return;
        }

        if (postmortem.IsReadOnly)
        {
            await context.FailAsync(UserError.ReadOnly().Message, cancellationToken);
            return;
        }

        var section = postmortem.FindSection(item.Key);
        var current = section?.Current?.Text;
        var text = mergeWith is null || current is null ? mergeWith ?? current : current + "\n\n" + mergeWith;
        if (text is { Length: > Limits.MaxTextLength })
        {
            text = current;
        }

        var template = service.TemplateFor(postmortem);
        var prompt = PromptNavigator.PromptFor(postmortem, template, item).Text;
        var reference = TemplateItems.Of(template).Ref(item.Key);
        await context.ShowModalAsync(
            AnswerModal.Build(postmortem.Id, reference, item, text, section?.CurrentRevision ?? 0, prompt, promptMessageId is { Length: > 0 } ? promptMessageId : null),
            cancellationToken);
    }

    // merge:{postmortem}:{section}:{unmerged edit}[:{prompt message}]: the kept submission, if it is the clicking user's own.
    private static string? MergeText(InteractionContext context, Core.Postmortem postmortem, CustomId customId) =>
        customId.TryGetInt(2, out var editId)
        && postmortem.UnmergedEdits.FirstOrDefault(e => e.Id == editId) is { } edit
        && edit.Author.IsSamePerson(context.Actor)
            ? edit.Text
            : null;

    private async Task SkipAsync(InteractionContext context, Core.Postmortem postmortem, TemplateItem item, CancellationToken cancellationToken)
    {
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new SkipSection(item.Key), cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem is not { } updated)
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was skipped.", cancellationToken);
            return;
        }

        var template = service.TemplateFor(updated);
        await context.UpdateMessageAsync(view.Render(updated, template, item), cancellationToken);
        var channel = context.ChannelId;
        context.AfterResponse(ct => context.Rest.CreateMessageAsync(
            channel, view.Render(updated, template, PromptNavigator.Next(updated, template, item.Key)), ct));
    }

    private static async Task ShowAsync(InteractionContext context, Core.Postmortem postmortem, TemplateItem item, CancellationToken cancellationToken)
    {
        if (postmortem.FindSection(item.Key)?.Current is not { } current)
        {
            await context.FailAsync($"Nothing has been written for {item.Title} yet.", cancellationToken);
            return;
        }

        var pieces = FullText(item.Title, current).ToList();
        await context.ReplyEphemeralPiecesAsync(pieces, cancellationToken: cancellationToken);
    }

    /// <summary>An answer over as many messages as it needs, the first one saying how many there are.</summary>
    internal static IEnumerable<string> FullText(string title, AnswerRevision revision)
    {
        var pieces = MessageChunker.Split(DiscordMarkdown.DefuseMassMentions(revision.Text), DiscordLimits.MessageContent - 120);
        var header = string.Format(
            CultureInfo.InvariantCulture,
            "**{0}**, revision {1} ({2:N0} characters{3}):\n",
            DiscordMarkdown.Escape(DiscordMarkdown.Truncate(title, 60), singleLine: true),
            revision.Number,
            revision.Text.Length,
            pieces.Count > 1 ? $", {pieces.Count} messages" : "");
        return pieces.Select((piece, i) => i == 0 ? header + piece : piece);
    }
}
