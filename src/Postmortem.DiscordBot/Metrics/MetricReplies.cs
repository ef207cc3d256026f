using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>
/// An image posted in a postmortem's thread as a reply to the Metrics prompt becomes a graph (the message text, if
/// any, its caption). Acknowledged quietly by redrawing the prompt; problems go to the author by DM, or nowhere when
/// DMs are closed, never into the thread.
/// </summary>
public sealed partial class MetricReplies(
    PostmortemService service,
    IPostmortemRepository repository,
    PromptView prompts,
    DashboardService dashboards,
    IDiscordRestClient rest,
    ILogger<MetricReplies> logger) : IGatewayEventHandler
{
    public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is not MessageCreateEvent { Message: var message }
            || message.IsFromBot || message.WebhookId is not null || message.GuildId is not { } guildId || message.Author is not { } author
            || message.ReferencedMessage is not { } prompt || FindPromptId(prompt) is not { } promptId
            || message.Attachments.Where(MetricCommand.IsImage).ToList() is not { Count: > 0 } images)
        {
            return;
        }

        var postmortem = await repository.FindByThreadAsync(message.ChannelId.ToString(), cancellationToken);
        if (postmortem is null || !postmortem.BelongsTo(guildId.ToString()) || !promptId.TryGetPostmortemId(out var id) || id != postmortem.Id)
        {
            return;
        }

        var actor = new UserRef(author.Id.ToString(), message.Member?.Nick ?? author.DisplayName);
        var caption = message.Content.Trim();
        CommandOutcome? last = null;
        foreach (var image in images.Where(i => i.Url is not null))
        {
            last = await service.ExecuteAsync(postmortem.Id, new AddMetricImage(image.Url!.ToString(), image.Id.ToString(), caption), actor, cancellationToken);
            if (last.Result is { Status: CommandStatus.Rejected, Error: { } error })
            {
                await TellAsync(author.Id, $"Your image was not added to Metrics/Graphs: {error.Message}", cancellationToken);
                return;
            }
        }

        if (last is { Succeeded: true, Postmortem: { } updated })
        {
            var template = service.TemplateFor(updated);
            if (template.FirstOfKind(SectionKind.Metrics) is { } section && TemplateItems.Of(template).Find(section.Key) is { } item)
            {
                await rest.EditMessageAsync(prompt.ChannelId, prompt.Id, prompts.Render(updated, template, item), cancellationToken);
            }

            await dashboards.RefreshAsync(updated.Id, cancellationToken);
        }
    }

    /// <summary>The Add table button of the Metrics prompt, which names the postmortem.</summary>
    private static CustomId? FindPromptId(Message prompt) =>
        Flatten(prompt.Components)
            .OfType<Button>()
            .Select(b => CustomId.TryParse(b.CustomId, out var id) ? id : null)
            .FirstOrDefault(id => id?.Prefix == MetricTableModal.Prefix);

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
            // Closed DMs are the user's choice; the hint is simply not delivered.
            LogDmFailed(logger, userId, ex.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not DM user {UserId} (Discord code {Code})")]
    private static partial void LogDmFailed(ILogger logger, Snowflake userId, int? code);
}
