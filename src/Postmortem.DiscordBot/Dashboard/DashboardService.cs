using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.DiscordBot.Dashboard;

/// <summary>
/// Keeps each postmortem's dashboard message current. Every refresh renders from the stored postmortem, and
/// refreshes of one postmortem run one at a time, so the last edit always shows the latest state.
/// </summary>
public sealed partial class DashboardService(
    PostmortemService service,
    IGuildSettingsStore settings,
    IChatLinkStore links,
    IDiscordRestClient rest,
    LintOptions lintOptions,
    TimeProvider time,
    IEnumerable<IDashboardLinks> linkProviders,
    ILogger<DashboardService> logger,
    IEnumerable<IPostmortemFollower>? followers = null)
{
    private readonly IDashboardLinks[] _linkProviders = [.. linkProviders];
    private readonly IPostmortemFollower[] _followers = [.. followers ?? []];

    public const string LinkKind = "dashboard";

    // Striped locks: enough to keep refreshes of one postmortem in order without a lock per postmortem.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<PostmortemId, byte> _waiting = new();

    public async Task<MessagePayload> RenderAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var guild = await settings.GetAsync(postmortem.GuildId, cancellationToken);
        var featureLinks = new List<string>();
        foreach (var provider in _linkProviders)
        {
            if (await provider.LinkAsync(postmortem, cancellationToken) is { Length: > 0 } line)
            {
                featureLinks.Add(line);
            }
        }

        return DashboardView.Render(postmortem, service.TemplateFor(postmortem), guild.TimeZone, lintOptions, time.GetUtcNow(), featureLinks);
    }

    /// <summary>Posts the dashboard in the postmortem's thread, pins it and remembers it.</summary>
    public async Task<Message> PublishAsync(Core.Postmortem postmortem, Snowflake threadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var message = await rest.CreateMessageAsync(threadId, await RenderAsync(postmortem, cancellationToken), cancellationToken);
        await RememberAsync(postmortem.Id, message, cancellationToken);
        return message;
    }

    /// <summary>Pins and remembers a message that already shows the dashboard (a forum post's first message).</summary>
    public async Task RememberAsync(PostmortemId id, Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await links.SetAsync(id, LinkKind, new ChatLink(message.ChannelId.ToString(), message.Id.ToString()), cancellationToken);
        try
        {
            await rest.PinMessageAsync(message.ChannelId, message.Id, cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            // Unpinned still works; the operator learns which permission is missing.
            LogPinFailed(logger, id, ex.Message);
        }
    }

    /// <summary>Edits the dashboard to show the postmortem as it is now stored.</summary>
    public async Task RefreshAsync(PostmortemId id, CancellationToken cancellationToken)
    {
        // A refresh still waiting its turn will read the postmortem after this change, so a second waiter adds
        // nothing: busy threads coalesce into few edits instead of queueing behind Discord's edit rate limit.
        if (!_waiting.TryAdd(id, 0))
        {
            return;
        }

        var stripe = _stripes[(int)(id.Value % _stripes.Length)];
        try
        {
            await stripe.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }

        try
        {
            if (await service.GetAsync(id, cancellationToken) is not { } postmortem)
            {
                return;
            }

            await FollowAsync(postmortem, cancellationToken);
            if (await links.GetAsync(id, LinkKind, cancellationToken) is not { } link)
            {
                return;
            }

            var channel = Snowflake.Parse(link.ChannelId);
            var message = Snowflake.Parse(link.MessageId);
            var payload = await RenderAsync(postmortem, cancellationToken);
            try
            {
                await rest.EditMessageAsync(channel, message, payload, cancellationToken);
            }
            catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.ThreadArchived)
            {
                // Threads archive after a week of quiet; the bot owns the thread, so it may reopen it.
                await rest.ModifyChannelAsync(channel, new ChannelModifyRequest { Archived = false }, cancellationToken);
                await rest.EditMessageAsync(channel, message, payload, cancellationToken);
            }
        }
        catch (DiscordHttpException ex) when (ex.Code is DiscordErrorCodes.UnknownMessage or DiscordErrorCodes.UnknownChannel)
        {
            LogDashboardGone(logger, id, ex.Message);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task FollowAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        foreach (var follower in _followers)
        {
            try
            {
                await follower.FollowAsync(postmortem, cancellationToken);
            }
            catch (DiscordHttpException ex)
            {
                // A calendar that cannot be updated must not keep the dashboard from being.
                LogFollowerFailed(logger, postmortem.Id, follower.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postmortem {PostmortemId}: {Follower} could not follow the change: {Reason}")]
    private static partial void LogFollowerFailed(ILogger logger, PostmortemId postmortemId, string follower, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pin the dashboard of postmortem {PostmortemId}: {Reason}")]
    private static partial void LogPinFailed(ILogger logger, PostmortemId postmortemId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard of postmortem {PostmortemId} is gone: {Reason}")]
    private static partial void LogDashboardGone(ILogger logger, PostmortemId postmortemId, string reason);
}
