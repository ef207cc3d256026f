using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// A plain-text reply to a prompt message in a postmortem's thread adds a paragraph to that answer (a new
/// revision). Acknowledged quietly by redrawing the prompt's preview; problems and blameless nudges go to the
/// author by DM (or nowhere when DMs are closed), never into the thread.
/// </summary>
public sealed partial class ReplyAnswers(
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
            || FindPromptId(prompt) is not { } promptId
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
            await TellAsync(author.Id, $"Your reply was not added to **{item.Title}**: {error.Message}", cancellationToken);
            return;
        }

        if (outcome is { Succeeded: true, Postmortem: { } updated })
        {
            await rest.EditMessageAsync(prompt.ChannelId, prompt.Id, view.Render(updated, service.TemplateFor(updated), item), cancellationToken);
            await dashboards.RefreshAsync(updated.Id, cancellationToken);
            if (BlamelessNudge.For(message.Content, item.Title) is { } nudge)
            {
                await TellAsync(author.Id, nudge, cancellationToken);
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

    /// <summary>The custom id of the prompt's Answer button, which names the postmortem and the section.</summary>
    private static CustomId? FindPromptId(Message prompt) =>
        Flatten(prompt.Components)
            .OfType<Button>()
            .Select(b => CustomId.TryParse(b.CustomId, out var id) ? id : null)
            .FirstOrDefault(id => id?.Prefix == PromptView.AnswerPrefix);

    private static IEnumerable<Component> Flatten(IEnumerable<Component> components) =>
        components.SelectMany(c => c is ActionRow row ? Flatten(row.Components).Prepend(c) : [c]);

    private async Task TellAsync(Snowflake userId, string text, CancellationToken cancellationToken)
    {
        try
        {
            await rest.SendDirectMessageAsync(userId, new MessagePayload { Content = text }, cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            // Closed DMs are the user's choice: the answer is saved, the hint is simply not delivered.
            LogDmFailed(logger, userId, ex.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not DM user {UserId} (Discord code {Code})")]
    private static partial void LogDmFailed(ILogger logger, Snowflake userId, int? code);
}
