using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>
/// An image posted in a postmortem's thread as a reply to the Metrics prompt becomes a graph (the message text, if
/// any, its caption). Acknowledged quietly by redrawing the prompt; problems go to the author by DM, or nowhere when
/// DMs are closed, never into the thread.
/// </summary>
public sealed class MetricReplies(
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
            || message.ReferencedMessage is not { } prompt || PromptReplies.FindButtonId(prompt, MetricTableModal.Prefix) is not { } promptId
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
                await PromptReplies.TellPrivatelyAsync(rest, logger, author.Id, $"Your image was not added to Metrics/Graphs: {error.Message}", cancellationToken);
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
}
