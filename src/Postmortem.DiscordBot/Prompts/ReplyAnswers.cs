using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// A plain-text reply to a prompt message in a postmortem's thread adds a paragraph to that answer (a new
/// revision). Acknowledged quietly by redrawing the prompt's preview; problems and blameless nudges go to the
/// author by DM (or nowhere when DMs are closed), never into the thread.
/// </summary>
public sealed class ReplyAnswers(
    PostmortemService service,
    IPostmortemRepository repository,
    PromptView view,
    DashboardService dashboards,
    IDiscordRestClient rest,
    ILogger<ReplyAnswers> logger) : IGatewayEventHandler
{
    // A reply races only with other edits of the same answer; each retry re-reads it and appends again.
    private const int MaxAttempts = 3;

    public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is not MessageCreateEvent { Message: var message }
            || message.IsFromBot || message.WebhookId is not null || message.GuildId is not { } guildId
            || message.MessageReference?.MessageId is null || message.ReferencedMessage is not { } prompt
            || PromptReplies.FindButtonId(prompt, PromptView.AnswerPrefix) is not { } promptId
            || string.IsNullOrWhiteSpace(message.Content) || message.Author is not { } author)
        {
            return;
        }

        var postmortem = await repository.FindByThreadAsync(message.ChannelId.ToString(), cancellationToken);
        if (postmortem is null || !postmortem.BelongsTo(guildId.ToString()) || !promptId.TryGetPostmortemId(out var id) || id != postmortem.Id
            || TemplateItems.Of(service.TemplateFor(postmortem)).Resolve(promptId.Arg(1)) is not { IsAnswerable: true } item)
        {
            return;
        }

        var actor = new UserRef(author.Id.ToString(), message.Member?.Nick ?? author.DisplayName);
        var outcome = await AppendAsync(postmortem.Id, item.Key, message.Content.Trim(), actor, cancellationToken);
        if (outcome.Result is { Status: CommandStatus.Rejected, Error: { } error })
        {
            await PromptReplies.TellPrivatelyAsync(rest, logger, author.Id, $"Your reply was not added to **{item.Title}**: {error.Message}", cancellationToken);
            return;
        }

        if (outcome is { Succeeded: true, Postmortem: { } updated })
        {
            await rest.EditMessageAsync(prompt.ChannelId, prompt.Id, view.Render(updated, service.TemplateFor(updated), item), cancellationToken);
            await dashboards.RefreshAsync(updated.Id, cancellationToken);
            if (BlamelessNudge.For(message.Content, item.Title, ThreadNames.Of(updated, author, message.Member)) is { } nudge)
            {
                await PromptReplies.TellPrivatelyAsync(rest, logger, author.Id, nudge, cancellationToken);
            }
        }
    }

    private async Task<CommandOutcome> AppendAsync(PostmortemId id, string key, string reply, UserRef actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = (await service.GetAsync(id, cancellationToken))?.FindSection(key);
            var text = current is { HasText: true } ? current.Current!.Text + "\n\n" + reply : reply;
            var outcome = await service.ExecuteAsync(id, new AnswerSection(key, text, current?.CurrentRevision ?? 0), actor, cancellationToken);
            if (outcome.Result.Status != CommandStatus.Conflict || attempt == MaxAttempts)
            {
                return outcome;
            }
        }
    }
}
